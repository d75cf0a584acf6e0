package io.plexica.plugins.domain;

import io.plexica.shared.events.DomainEvent;
import io.plexica.shared.problem.ProblemException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/** The plugin registry and the installations of plugins in tenants, in {@code plexica_core}. */
public interface PluginStore {

  Optional<RegisteredPlugin> find(String id);

  List<RegisteredPlugin> list();

  /** The deployed versions of a plugin, oldest first. */
  List<String> versions(String id);

  Optional<String> manifestJson(String id, String version);

  Optional<byte[]> bundle(String id, String version);

  /** Where versions uploaded through the API or the console come from. */
  String UPLOADED = "upload";

  default RegisteredPlugin saveVersion(
      PluginManifest manifest, byte[] bundle, String sha256, Instant now) {
    return saveVersion(manifest, bundle, sha256, now, UPLOADED, List.of());
  }

  default RegisteredPlugin saveVersion(
      PluginManifest manifest,
      byte[] bundle,
      String sha256,
      Instant now,
      String source,
      List<DomainEvent> events) {
    return saveVersion(manifest, bundle, sha256, now, source, Optional.empty(), events);
  }

  /**
   * A version a vendor published: the vendor that owns the plugin from then on, and the certificate
   * (PEM) whose key signed the bundle, against which every load checks it again.
   */
  record Signed(String vendorId, String certificatePem) {}

  /**
   * Records a deployed version, from {@code source} ({@link #UPLOADED} or a deploy folder's file),
   * signed by its vendor or not, and makes it the plugin's current one, and writes the events to
   * the outbox, in one transaction.
   */
  RegisteredPlugin saveVersion(
      PluginManifest manifest,
      byte[] bundle,
      String sha256,
      Instant now,
      String source,
      Optional<Signed> signed,
      List<DomainEvent> events);

  /** The certificate (PEM) that signed a version a vendor published; empty for the others. */
  Optional<String> signerCertificate(String id, String version);

  /** The SHA-256 (hex) of a deployed version's bundle. */
  Optional<String> sha256(String id, String version);

  /**
   * Replaces the bundle and manifest of a deployed version in place (a development platform's
   * redeploy; the new bundle is the platform's, signed by no vendor), describing the plugin anew
   * when it is its current version, and writes the events to the outbox, in one transaction.
   */
  RegisteredPlugin replaceVersion(
      PluginManifest manifest, byte[] bundle, String sha256, Instant now, List<DomainEvent> events);

  /** The versions deployed from {@code source}, of any plugin. */
  List<DeployedVersion> deployedFrom(String source);

  /** One deployed version of one plugin. */
  record DeployedVersion(String pluginId, String version) {}

  /**
   * Removes one version of a plugin that has others (no tenant may run it); when it was the current
   * one, {@code successor} becomes current. Writes the events to the outbox, in one transaction.
   */
  void deleteVersion(
      String id,
      String version,
      Optional<PluginManifest> successor,
      Instant now,
      List<DomainEvent> events);

  default void delete(String id) {
    delete(id, List.of());
  }

  /**
   * Removes a plugin with every version (its installations must be gone) and writes the events to
   * the outbox, in one transaction.
   */
  void delete(String id, List<DomainEvent> events);

  RegisteredPlugin update(String id, Consumer<RegisteredPlugin> change);

  Optional<PluginInstallation> installation(UUID tenantId, String pluginId);

  /** Refuses work of a plugin for a tenant where it is not installed and enabled. */
  default void requireEnabled(UUID tenantId, String tenantSlug, String pluginId) {
    if (!installation(tenantId, pluginId).map(PluginInstallation::enabled).orElse(false)) {
      throw new ProblemException(
          PluginProblems.NOT_INSTALLED,
          "Plugin '" + pluginId + "' is not enabled in tenant " + tenantSlug + ".");
    }
  }

  List<PluginInstallation> installations(UUID tenantId);

  /** The versions of the plugin some tenant has installed. */
  List<String> installedVersions(String pluginId);

  /** Slugs of the tenants where the plugin is installed. */
  List<String> tenantsUsing(String pluginId);

  /** Slugs of the tenants where this version of the plugin is installed. */
  List<String> tenantsUsing(String pluginId, String version);

  default void install(PluginInstallation installation) {
    install(installation, List.of());
  }

  /** Records the installation and writes the events to the outbox, in one transaction. */
  void install(PluginInstallation installation, List<DomainEvent> events);

  default PluginInstallation updateInstallation(
      UUID tenantId, String pluginId, Consumer<PluginInstallation> change) {
    return updateInstallation(tenantId, pluginId, change, changed -> List.of());
  }

  /** Changes the installation under a row lock, with the events the changed one yields. */
  PluginInstallation updateInstallation(
      UUID tenantId,
      String pluginId,
      Consumer<PluginInstallation> change,
      Function<PluginInstallation, List<DomainEvent>> events);

  default void uninstall(UUID tenantId, String pluginId) {
    uninstall(tenantId, pluginId, List.of());
  }

  void uninstall(UUID tenantId, String pluginId, List<DomainEvent> events);
}
