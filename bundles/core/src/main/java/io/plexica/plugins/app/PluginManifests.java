package io.plexica.plugins.app;

import io.plexica.plugins.domain.PluginManifest;

/** Reads plugin manifests: from a bundle (fully checked) or as stored in the registry. */
public interface PluginManifests {

  /** The bundle's {@code plugin.json}, checked; {@code plugin-manifest-invalid} otherwise. */
  PluginManifest read(byte[] bundle);

  /** A manifest the registry stored after {@link #read} accepted it. */
  PluginManifest fromJson(String json);

  /**
   * The configuration checked against the plugin's schema, with the schema's defaults filled in;
   * {@code plugin-config-invalid} naming every bad field otherwise.
   */
  String validateConfig(PluginManifest manifest, String configJson);
}
