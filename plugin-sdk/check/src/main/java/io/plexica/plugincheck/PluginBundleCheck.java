package io.plexica.plugincheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import io.plexica.plugincheck.BundleRefusal.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.Manifest;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/**
 * What a Plexica platform checks of a plugin's bundle before it deploys it, and the only place
 * those checks are written: the platform runs them at every deploy, the {@code
 * plexica-maven-plugin} runs them at a vendor's build, so a bundle the build accepts is one the
 * platform accepts (but for what depends on the platform's state: other plugins, libraries).
 *
 * <p>{@link #check} reads {@code META-INF/plexica/plugin.json} and checks it against the manifest's
 * JSON Schema ({@code META-INF/plexica/plugin-manifest.schema.json}), then what a schema cannot
 * say: version ranges parse, permissions start with the plugin's id, the configuration schema is
 * itself a valid JSON Schema, the bundle's version is plugin.json's, the files it names are in the
 * bundle and every entry read stays within bounds. {@link #checkSdk} checks the plugin against one
 * SDK release: its {@code sdk} range and the SDK packages its bundle imports.
 */
public final class PluginBundleCheck {
  /** Where a bundle keeps its plugin manifest. */
  public static final String MANIFEST_LOCATION = "META-INF/plexica/plugin.json";

  /** Where a plugin's migrations are when plugin.json names no folder. */
  public static final String DEFAULT_MIGRATIONS = "META-INF/plexica/migrations";

  private static final int MAX_MANIFEST_BYTES = 256 * 1024;
  private static final String SDK_PACKAGE = "io.plexica.sdk";
  private final JsonSchema manifestSchema;

  public PluginBundleCheck() {
    try (InputStream schema =
        PluginBundleCheck.class
            .getClassLoader()
            .getResourceAsStream("META-INF/plexica/plugin-manifest.schema.json")) {
      this.manifestSchema = JsonSchemas.FACTORY.getSchema(schema);
    } catch (IOException e) {
      throw new IllegalStateException("The plugin manifest schema is missing", e);
    }
  }

  /** The bundle's plugin.json and headers, once every check passed; a refusal otherwise. */
  public CheckedPlugin check(byte[] bundle) {
    Manifest jarManifest = BundleEntries.jarManifest(bundle);
    if (jarManifest == null
        || jarManifest.getMainAttributes().getValue("Bundle-SymbolicName") == null) {
      throw new BundleRefusal(
          Kind.BUNDLE,
          "The upload is not an OSGi bundle: its jar manifest has no Bundle-SymbolicName.");
    }
    String json = manifestJson(bundle);
    JsonNode node;
    try {
      node = JsonSchemas.parse(json);
    } catch (IllegalArgumentException e) {
      throw new BundleRefusal(Kind.MANIFEST, MANIFEST_LOCATION + " is not JSON.");
    }
    Set<ValidationMessage> messages = manifestSchema.validate(node);
    List<Finding> findings = new ArrayList<>(JsonSchemas.errors(messages, ""));
    if (findings.isEmpty()) {
      findings.addAll(semanticErrors(node));
    }
    if (!findings.isEmpty()) {
      throw new BundleRefusal(
          Kind.MANIFEST,
          MANIFEST_LOCATION
              + ": "
              + findings.get(0).field()
              + " "
              + findings.get(0).message()
              + (findings.size() > 1 ? " (and " + (findings.size() - 1) + " more)" : ""),
          findings);
    }
    CheckedPlugin plugin = new CheckedPlugin(node, json, jarManifest.getMainAttributes());
    requireSameVersion(plugin);
    JsonNode frontend = node.path("frontend");
    if (frontend.has("entry")) {
      requireFile(bundle, "frontend.entry", frontend.get("entry").asText());
    }
    JsonNode screenshots = node.path("screenshots");
    for (int i = 0; i < screenshots.size(); i++) {
      requireFile(bundle, "screenshots[" + i + "]", screenshots.get(i).asText());
    }
    if (frontend.has("entry") || !screenshots.isEmpty()) {
      // Inflated once here, within bounds, so that a bundle that would inflate too far is refused
      // at deploy, never later when its UI or its screenshots are served.
      BundleEntries.uiFiles(bundle);
    }
    BundleEntries.migrationScripts(
        bundle, node.path("migrations").asText(DEFAULT_MIGRATIONS), file -> true);
    return plugin;
  }

  private static void requireFile(byte[] bundle, String field, String file) {
    if (!BundleEntries.contains(bundle, file)) {
      throw new BundleRefusal(
          Kind.MANIFEST,
          MANIFEST_LOCATION + ": " + field + " " + file + " is not in the bundle.",
          List.of(new Finding(field, "names no file of the bundle: " + file)));
    }
  }

  /**
   * Refused ({@link Kind#SDK}) when the plugin does not run on {@code sdk}: its {@code sdk} range
   * excludes that release, or its bundle imports a package of the SDK that release does not export
   * in a version the import accepts (a plugin built against a newer SDK than it declares).
   */
  public static void checkSdk(CheckedPlugin plugin, SdkManifest sdk) {
    checkSdk(plugin.id(), plugin.sdkRange(), plugin.packages(), sdk);
  }

  /**
   * {@link #checkSdk(CheckedPlugin, SdkManifest)} for plugin {@code id} of that range, packages.
   */
  public static void checkSdk(
      String id, String sdkRange, BundlePackages packages, SdkManifest sdk) {
    if (!new VersionRange(sdkRange).includes(sdk.release())) {
      throw new BundleRefusal(
          Kind.SDK,
          "Plugin '"
              + id
              + "' needs SDK "
              + sdkRange
              + "; this platform provides "
              + sdk.release()
              + ".");
    }
    Map<String, Version> exported = sdk.packageVersions();
    List<Finding> unmet = new ArrayList<>();
    // In name order, so that a refusal reads the same at every deploy.
    new TreeMap<>(packages.imports())
        .forEach(
            (name, range) -> {
              if (name.equals(SDK_PACKAGE) || name.startsWith(SDK_PACKAGE + ".")) {
                Version version = exported.get(name);
                if (version == null || !range.includes(version)) {
                  unmet.add(
                      new Finding(
                          "Import-Package",
                          name
                              + " "
                              + range
                              + (version == null
                                  ? " is no package of SDK " + sdk.release()
                                  : ": SDK " + sdk.release() + " exports " + version)));
                }
              }
            });
    if (!unmet.isEmpty()) {
      throw new BundleRefusal(
          Kind.SDK,
          "Plugin '"
              + id
              + "' was built against another SDK than "
              + sdk.release()
              + ": "
              + unmet.get(0).message()
              + (unmet.size() > 1 ? " (and " + (unmet.size() - 1) + " more)" : "")
              + ". Build it against the SDK its plugin.json's sdk range names.",
          unmet);
    }
  }

  private static String manifestJson(byte[] bundle) {
    Map<String, byte[]> entries =
        BundleEntries.read(
            bundle,
            MANIFEST_LOCATION::equals,
            MAX_MANIFEST_BYTES,
            MAX_MANIFEST_BYTES,
            MANIFEST_LOCATION);
    if (entries.isEmpty()) {
      throw new BundleRefusal(
          Kind.MANIFEST,
          "The bundle has no "
              + MANIFEST_LOCATION
              + ", so it is no plugin. A library bundle (such as commons-lang3) is added at"
              + " /api/v1/admin/plugin-libraries, or put inside your plugin's jar (with bnd,"
              + " -conditionalpackage), as docs/plugin-guide.md section 1 says.");
    }
    return new String(entries.values().iterator().next(), StandardCharsets.UTF_8);
  }

  /**
   * The bundle's {@code Bundle-Version} is the plugin.json's version (a build qualifier such as
   * {@code .SNAPSHOT} aside): Felix tells the versions of one plugin apart by it, so a bundle built
   * from another version than its plugin.json names would clash with, or stand in for, another.
   */
  private static void requireSameVersion(CheckedPlugin plugin) {
    String declared = plugin.headers().getValue("Bundle-Version");
    Version bundleVersion;
    try {
      bundleVersion = Version.parseVersion(declared);
    } catch (IllegalArgumentException e) {
      bundleVersion = null;
    }
    Version pluginVersion = Version.parseVersion(plugin.version());
    if (bundleVersion == null
        || bundleVersion.getMajor() != pluginVersion.getMajor()
        || bundleVersion.getMinor() != pluginVersion.getMinor()
        || bundleVersion.getMicro() != pluginVersion.getMicro()) {
      String found = declared == null ? "none" : declared.strip();
      throw new BundleRefusal(
          Kind.MANIFEST,
          MANIFEST_LOCATION
              + " names version "
              + plugin.version()
              + " but the bundle's Bundle-Version is "
              + found
              + "; build the bundle from the same version (bnd takes it from the pom).",
          List.of(new Finding("version", "must be the bundle's Bundle-Version (" + found + ")")));
    }
  }

  private static List<Finding> semanticErrors(JsonNode node) {
    List<Finding> errors = new ArrayList<>();
    String id = node.get("id").asText();
    range(errors, "sdk", node.get("sdk").asText());
    for (String list : List.of("dependencies", "conflicts")) {
      JsonNode references = node.path(list);
      for (int i = 0; i < references.size(); i++) {
        range(errors, list + "[" + i + "].version", references.get(i).get("version").asText());
        if (references.get(i).get("id").asText().equals(id)) {
          errors.add(new Finding(list + "[" + i + "].id", "must name another plugin"));
        }
      }
    }
    JsonNode permissions = node.path("permissions");
    for (int i = 0; i < permissions.size(); i++) {
      String name = permissions.get(i).get("name").asText();
      if (!name.startsWith(id + ":")) {
        errors.add(
            new Finding(
                "permissions[" + i + "].name", "must start with the plugin's id: " + id + ":"));
      }
    }
    if (node.has("config")) {
      JsonSchemas.metaSchema().validate(node.get("config")).stream()
          .map(m -> new Finding("config", "is not a valid JSON Schema: " + m.getMessage()))
          .forEach(errors::add);
    }
    return errors;
  }

  private static void range(List<Finding> errors, String field, String text) {
    try {
      if (new VersionRange(text).isEmpty()) {
        errors.add(new Finding(field, "is an empty range: no version fits it"));
      }
    } catch (IllegalArgumentException e) {
      errors.add(new Finding(field, "is not a version range: " + e.getMessage()));
    }
  }
}
