package io.plexica.plugins.domain;

import java.time.Instant;
import java.util.Map;
import org.osgi.framework.Version;

/**
 * A library bundle: an OSGi bundle without {@code plugin.json} (commons-lang3, jackson-databind…)
 * whose exported packages plugins import instead of carrying them in their own jars. Identified by
 * its Bundle-SymbolicName and Bundle-Version; several versions of one library live side by side.
 */
public record PluginLibrary(
    String symbolicName,
    String version,
    Map<String, Version> exports,
    String sha256,
    int sizeBytes,
    String source,
    Instant addedAt) {

  public PluginLibrary {
    exports = Map.copyOf(exports);
  }

  public boolean is(String name, String otherVersion) {
    return symbolicName.equals(name) && version.equals(otherVersion);
  }

  /** {@code org.apache.commons.lang3 3.17.0}, as messages name it. */
  public String label() {
    return symbolicName + " " + version;
  }
}
