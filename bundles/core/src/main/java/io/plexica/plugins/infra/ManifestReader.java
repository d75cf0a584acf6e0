package io.plexica.plugins.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import io.plexica.plugincheck.BundleRefusal;
import io.plexica.plugincheck.CheckedPlugin;
import io.plexica.plugincheck.JsonSchemas;
import io.plexica.plugincheck.PluginBundleCheck;
import io.plexica.plugins.app.PluginManifests;
import io.plexica.plugins.domain.PluginManifest;
import io.plexica.plugins.domain.PluginManifest.PluginPermission;
import io.plexica.plugins.domain.PluginManifest.PluginReference;
import io.plexica.plugins.domain.PluginProblems;
import io.plexica.shared.problem.FieldError;
import io.plexica.shared.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code META-INF/plexica/plugin.json} from a bundle once {@link PluginBundleCheck} (the
 * checks the plexica-maven-plugin runs at a vendor's build) accepted it, and checks configurations
 * against a plugin's schema.
 */
public class ManifestReader implements PluginManifests {
  private final PluginBundleCheck check = new PluginBundleCheck();

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
      List<FieldError> errors =
          JsonSchemas.errors(messages, "config").stream()
              .map(f -> new FieldError(f.field(), f.message()))
              .toList();
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
    try {
      CheckedPlugin checked = check.check(bundle);
      return manifest(checked.manifest(), checked.json());
    } catch (BundleRefusal refusal) {
      throw PluginProblems.refused(refusal);
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
        text(node, "changelog"),
        strings(node.path("screenshots")),
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
