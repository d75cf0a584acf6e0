package io.plexica.plugincheck;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.jar.Attributes;

/**
 * A bundle that passed {@link PluginBundleCheck#check}: its plugin.json (parsed and as written) and
 * its jar manifest's main attributes.
 */
public record CheckedPlugin(JsonNode manifest, String json, Attributes headers) {

  public String id() {
    return manifest.get("id").asText();
  }

  public String version() {
    return manifest.get("version").asText();
  }

  /** The range of SDK releases the plugin says it runs on ({@code sdk} of plugin.json). */
  public String sdkRange() {
    return manifest.get("sdk").asText();
  }

  public BundlePackages packages() {
    return BundlePackages.of(headers);
  }
}
