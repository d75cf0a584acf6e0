package io.plexica.plugins.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import io.plexica.plugins.app.PluginManifests;
import io.plexica.plugins.domain.BundleEntries;
import io.plexica.plugins.domain.PluginManifest;
import io.plexica.plugins.domain.PluginManifest.PluginPermission;
import io.plexica.plugins.domain.PluginManifest.PluginReference;
import io.plexica.plugins.domain.PluginProblems;
import io.plexica.shared.problem.FieldError;
import io.plexica.shared.problem.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/**
 * Reads {@code META-INF/plexica/plugin.json} from a bundle and checks it against the manifest's
 * JSON Schema ({@code META-INF/plexica/plugin-manifest.schema.json}), then what a schema cannot
 * say: version ranges parse, permissions start with the plugin's id, the configuration schema is
 * itself a valid JSON Schema.
 */
public class ManifestReader implements PluginManifests {
  private static final int MAX_MANIFEST_BYTES = 256 * 1024;
  private final JsonSchema manifestSchema;

  public ManifestReader() {
    try (InputStream schema =
        ManifestReader.class
            .getClassLoader()
            .getResourceAsStream("META-INF/plexica/plugin-manifest.schema.json")) {
      this.manifestSchema = JsonSchemas.FACTORY.getSchema(schema);
    } catch (IOException e) {
      throw new IllegalStateException("The plugin manifest schema is missing", e);
    }
  }

  @Override
  public PluginManifest fromJson(String json) {
    return manifest(JsonSchemas.parse(json), json);
  }

  @Override
  public String validateConfig(PluginManifest manifest, String configJson) {
    JsonNode config;
    try {
      config = JsonSchemas.parse(configJson == null ? "{}" : configJson);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(
          PluginProblems.CONFIG_INVALID, "The configuration is not JSON.", e);
    }
    if (!config.isObject()) {
      throw ProblemException.invalid("config", "must be a JSON object");
    }
    if (manifest.configSchemaJson().isEmpty()) {
      if (config.size() > 0) {
        throw new ProblemException(
            PluginProblems.CONFIG_INVALID,
            "Plugin '" + manifest.id() + "' takes no configuration.",
            List.of(new FieldError("config", "must be empty: the plugin declares no schema")));
      }
      return "{}";
    }
    JsonSchema schema =
        JsonSchemas.FACTORY.getSchema(
            JsonSchemas.parse(manifest.configSchemaJson().get()), JsonSchemas.WITH_DEFAULTS);
    // walk with validation fills in the schema's defaults while it checks.
    Set<ValidationMessage> messages = schema.walk(config, true).getValidationMessages();
    if (!messages.isEmpty()) {
      List<FieldError> errors = JsonSchemas.errors(messages, "config");
      throw new ProblemException(
          PluginProblems.CONFIG_INVALID,
          errors.get(0).field()
              + ": "
              + errors.get(0).message()
              + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""),
          errors);
    }
    return config.toString();
  }

  @Override
  public PluginManifest read(byte[] bundle) {
    String json = manifestJson(bundle);
    JsonNode node;
    try {
      node = JsonSchemas.parse(json);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(
          PluginProblems.MANIFEST_INVALID, PluginManifest.LOCATION + " is not JSON.", e);
    }
    Set<ValidationMessage> messages = manifestSchema.validate(node);
    List<FieldError> errors = new ArrayList<>(JsonSchemas.errors(messages, ""));
    if (errors.isEmpty()) {
      errors.addAll(semanticErrors(node));
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(
          PluginProblems.MANIFEST_INVALID,
          PluginManifest.LOCATION
              + ": "
              + errors.get(0).field()
              + " "
              + errors.get(0).message()
              + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""),
          errors);
    }
    PluginManifest manifest = manifest(node, json);
    requireSameVersion(bundle, manifest);
    if (manifest.frontend().isPresent()
        && !BundleEntries.contains(bundle, manifest.frontend().get().entry())) {
      String entry = manifest.frontend().get().entry();
      throw new ProblemException(
          PluginProblems.MANIFEST_INVALID,
          PluginManifest.LOCATION + ": frontend.entry " + entry + " is not in the bundle.",
          List.of(new FieldError("frontend.entry", "names no file of the bundle: " + entry)));
    }
    // Inflated once here, within bounds, so that a bundle that would inflate too far is refused
    // at deploy, never later when its UI is served or its migrations run.
    if (manifest.frontend().isPresent()) {
      BundleEntries.uiFiles(bundle);
    }
    BundleEntries.migrationScripts(bundle, manifest.migrations(), file -> true);
    return manifest;
  }

  /**
   * The bundle's {@code Bundle-Version} is the plugin.json's version (a build qualifier such as
   * {@code .SNAPSHOT} aside): Felix tells the versions of one plugin apart by it, so a bundle built
   * from another version than its plugin.json names would clash with, or stand in for, another.
   */
  private static void requireSameVersion(byte[] bundle, PluginManifest manifest) {
    String declared =
        BundleEntries.jarManifest(bundle).getMainAttributes().getValue("Bundle-Version");
    Version bundleVersion;
    try {
      bundleVersion = Version.parseVersion(declared);
    } catch (IllegalArgumentException e) {
      bundleVersion = null;
    }
    Version pluginVersion = Version.parseVersion(manifest.version());
    if (bundleVersion == null
        || bundleVersion.getMajor() != pluginVersion.getMajor()
        || bundleVersion.getMinor() != pluginVersion.getMinor()
        || bundleVersion.getMicro() != pluginVersion.getMicro()) {
      String found = declared == null ? "none" : declared.strip();
      throw new ProblemException(
          PluginProblems.MANIFEST_INVALID,
          PluginManifest.LOCATION
              + " names version "
              + manifest.version()
              + " but the bundle's Bundle-Version is "
              + found
              + "; build the bundle from the same version (bnd takes it from the pom).",
          List.of(
              new FieldError("version", "must be the bundle's Bundle-Version (" + found + ")")));
    }
  }

  private static String manifestJson(byte[] bundle) {
    java.util.jar.Manifest jarManifest = BundleEntries.jarManifest(bundle);
    if (jarManifest == null
        || jarManifest.getMainAttributes().getValue("Bundle-SymbolicName") == null) {
      throw new ProblemException(
          PluginProblems.BUNDLE_INVALID,
          "The upload is not an OSGi bundle: its jar manifest has no Bundle-SymbolicName.");
    }
    Map<String, byte[]> entries =
        BundleEntries.read(
            bundle,
            PluginManifest.LOCATION::equals,
            MAX_MANIFEST_BYTES,
            MAX_MANIFEST_BYTES,
            PluginManifest.LOCATION);
    if (entries.isEmpty()) {
      throw new ProblemException(
          PluginProblems.MANIFEST_INVALID,
          "The bundle has no "
              + PluginManifest.LOCATION
              + ", so it is no plugin. A library bundle (such as commons-lang3) is added at"
              + " /api/v1/admin/plugin-libraries, or put inside your plugin's jar (with bnd,"
              + " -conditionalpackage), as docs/plugin-guide.md section 1 says.");
    }
    return new String(entries.values().iterator().next(), StandardCharsets.UTF_8);
  }

  private static List<FieldError> semanticErrors(JsonNode node) {
    List<FieldError> errors = new ArrayList<>();
    String id = node.get("id").asText();
    range(errors, "sdk", node.get("sdk").asText());
    for (String list : List.of("dependencies", "conflicts")) {
      JsonNode references = node.path(list);
      for (int i = 0; i < references.size(); i++) {
        range(errors, list + "[" + i + "].version", references.get(i).get("version").asText());
        if (references.get(i).get("id").asText().equals(id)) {
          errors.add(new FieldError(list + "[" + i + "].id", "must name another plugin"));
        }
      }
    }
    JsonNode permissions = node.path("permissions");
    for (int i = 0; i < permissions.size(); i++) {
      String name = permissions.get(i).get("name").asText();
      if (!name.startsWith(id + ":")) {
        errors.add(
            new FieldError(
                "permissions[" + i + "].name", "must start with the plugin's id: " + id + ":"));
      }
    }
    if (node.has("config")) {
      JsonSchemas.metaSchema().validate(node.get("config")).stream()
          .map(m -> new FieldError("config", "is not a valid JSON Schema: " + m.getMessage()))
          .forEach(errors::add);
    }
    return errors;
  }

  private static void range(List<FieldError> errors, String field, String text) {
    try {
      if (new VersionRange(text).isEmpty()) {
        errors.add(new FieldError(field, "is an empty range: no version fits it"));
      }
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(field, "is not a version range: " + e.getMessage()));
    }
  }

  private static PluginManifest manifest(JsonNode node, String json) {
    List<PluginPermission> permissions = new ArrayList<>();
    node.path("permissions")
        .forEach(
            p ->
                permissions.add(
                    new PluginPermission(p.get("name").asText(), p.get("description").asText())));
    return new PluginManifest(
        node.get("id").asText(),
        node.get("version").asText(),
        node.get("name").asText(),
        node.get("vendor").asText(),
        node.path("description").asText(""),
        node.path("category").asText("other"),
        text(node, "icon"),
        strings(node.path("tags")),
        node.get("sdk").asText(),
        permissions,
        node.has("config") ? Optional.of(node.get("config").toString()) : Optional.empty(),
        references(node.path("dependencies")),
        references(node.path("conflicts")),
        node.path("migrations").asText(PluginManifest.DEFAULT_MIGRATIONS),
        strings(node.path("views")),
        node.has("frontend") ? Optional.of(frontend(node.get("frontend"))) : Optional.empty(),
        json);
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }

  private static PluginManifest.Frontend frontend(JsonNode node) {
    List<PluginManifest.Page> pages = new ArrayList<>();
    node.path("pages")
        .forEach(
            page ->
                pages.add(
                    new PluginManifest.Page(
                        page.get("path").asText(),
                        page.get("title").asText(),
                        text(page, "permission"))));
    return new PluginManifest.Frontend(node.get("entry").asText(), pages);
  }

  private static Optional<String> text(JsonNode node, String field) {
    return node.has(field) ? Optional.of(node.get(field).asText()) : Optional.empty();
  }

  private static List<PluginReference> references(JsonNode array) {
    List<PluginReference> references = new ArrayList<>();
    array.forEach(
        r -> references.add(new PluginReference(r.get("id").asText(), r.get("version").asText())));
    return references;
  }
}
