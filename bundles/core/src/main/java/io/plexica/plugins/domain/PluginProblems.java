package io.plexica.plugins.domain;

import io.plexica.plugincheck.BundleRefusal;
import io.plexica.shared.problem.FieldError;
import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.problem.ProblemType;

/** The problem types of plugins: deployment, per-tenant lifecycle and calls into plugins. */
public final class PluginProblems {
  private PluginProblems() {}

  public static final ProblemType UI_FILE_NOT_FOUND =
      new ProblemType("plugin-ui-file-not-found", 404, "No such file of a plugin's UI");
  public static final ProblemType BUNDLE_INVALID =
      new ProblemType("plugin-bundle-invalid", 400, "The upload is not a plugin bundle");
  public static final ProblemType MANIFEST_INVALID =
      new ProblemType("plugin-manifest-invalid", 400, "The plugin's manifest is not valid");
  public static final ProblemType SDK_INCOMPATIBLE =
      new ProblemType("plugin-sdk-incompatible", 400, "The plugin needs another SDK version");
  public static final ProblemType SIGNATURE_INVALID =
      new ProblemType(
          "plugin-signature-invalid",
          400,
          "The bundle is not signed by its vendor's key, or changed since");
  public static final ProblemType BUNDLE_TAMPERED =
      new ProblemType(
          "plugin-bundle-tampered", 500, "A deployed bundle changed since it was approved");
  public static final ProblemType BUNDLE_UNRESOLVED =
      new ProblemType("plugin-bundle-unresolved", 400, "The plugin's bundle cannot start");
  public static final ProblemType DEPENDENCY_MISSING =
      new ProblemType("plugin-dependency-missing", 409, "A plugin it depends on is missing");
  public static final ProblemType CONFLICT =
      new ProblemType("plugin-conflict", 409, "The plugin conflicts with an installed plugin");
  public static final ProblemType VERSION_EXISTS =
      new ProblemType("plugin-version-exists", 409, "This version of the plugin is deployed");
  public static final ProblemType REPLACE_OFF =
      new ProblemType(
          "plugin-replace-off", 409, "This platform does not replace deployed versions in place");
  public static final ProblemType REPLACE_MIGRATIONS_CHANGED =
      new ProblemType(
          "plugin-replace-migrations-changed",
          409,
          "The replacement changes migrations that tenants applied");
  public static final ProblemType VERSION_OLDER =
      new ProblemType("plugin-version-older", 409, "A newer version of the plugin is deployed");
  public static final ProblemType PLUGIN_NOT_FOUND =
      new ProblemType("plugin-not-found", 404, "No such plugin");
  public static final ProblemType VERSION_NOT_FOUND =
      new ProblemType("plugin-version-not-found", 404, "No such version of the plugin");
  public static final ProblemType PLUGIN_IN_USE =
      new ProblemType("plugin-in-use", 409, "Tenants or plugins still use the plugin");
  public static final ProblemType NOT_INSTALLED =
      new ProblemType("plugin-not-installed", 404, "The plugin is not installed in this tenant");
  public static final ProblemType ALREADY_INSTALLED =
      new ProblemType("plugin-already-installed", 409, "The plugin is installed in this tenant");
  public static final ProblemType PLUGIN_BUSY =
      new ProblemType(
          "plugin-busy", 409, "The plugin is being installed or upgraded in this tenant");
  public static final ProblemType UPGRADE_INVALID =
      new ProblemType("plugin-upgrade-invalid", 409, "The tenant cannot move to that version");
  public static final ProblemType CONFIG_INVALID =
      new ProblemType("plugin-config-invalid", 400, "The configuration does not fit the schema");
  public static final ProblemType ROUTE_NOT_FOUND =
      new ProblemType("plugin-route-not-found", 404, "No such plugin route in this tenant");
  public static final ProblemType MIGRATION_FAILED =
      new ProblemType(
          "plugin-migration-failed", 409, "The plugin's migrations failed; none applied");
  public static final ProblemType PLUGIN_FAILED =
      new ProblemType("plugin-failed", 500, "The plugin failed");
  public static final ProblemType CONTEXT_REFUSED =
      new ProblemType(
          "plugin-context-refused",
          500,
          "The plugin used a call context the platform did not give it");
  public static final ProblemType PLUGIN_TIMEOUT =
      new ProblemType("plugin-timeout", 504, "The plugin did not answer in time");
  public static final ProblemType SERVICE_UNAVAILABLE =
      new ProblemType(
          "plugin-service-unavailable", 503, "Another plugin this one calls cannot be reached");
  public static final ProblemType PACKAGE_UNMET =
      new ProblemType(
          "plugin-package-unmet", 409, "A package a plugin imports from another is not met");
  public static final ProblemType PLUGIN_UNAVAILABLE =
      new ProblemType("plugin-unavailable", 503, "The plugin is failing and rests for a while");

  public static final ProblemType LIBRARY_INVALID =
      new ProblemType("library-invalid", 400, "The upload is not a library bundle");
  public static final ProblemType LIBRARY_UNRESOLVED =
      new ProblemType(
          "library-unresolved", 400, "The library imports packages nothing here exports");
  public static final ProblemType LIBRARY_VERSION_EXISTS =
      new ProblemType("library-version-exists", 409, "This version of the library is there");
  public static final ProblemType LIBRARY_NOT_FOUND =
      new ProblemType("library-not-found", 404, "No such library");
  public static final ProblemType LIBRARY_IN_USE =
      new ProblemType("library-in-use", 409, "Plugins or libraries use the library");

  public static ProblemException notFound(String id) {
    return new ProblemException(PLUGIN_NOT_FOUND, "No plugin has id '" + id + "'.");
  }

  /** The platform's problem for a refusal of the bundle checks the Maven plugin runs too. */
  public static ProblemException refused(BundleRefusal refusal) {
    ProblemType type =
        switch (refusal.kind()) {
          case BUNDLE -> BUNDLE_INVALID;
          case MANIFEST -> MANIFEST_INVALID;
          case SDK -> SDK_INCOMPATIBLE;
          case SIGNATURE -> SIGNATURE_INVALID;
        };
    return new ProblemException(
        type,
        refusal.detail(),
        refusal.findings().stream().map(f -> new FieldError(f.field(), f.message())).toList());
  }
}
