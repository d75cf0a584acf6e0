package io.plexica.plugincheck;

import io.plexica.sdk.route.RouteHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import org.osgi.framework.Version;

/**
 * The plugin SDK this platform carries, as its own jar manifest declares it: the release ({@code
 * Bundle-Version}) that plugins' {@code sdk} ranges are checked against, and the packages with the
 * versions that bnd wrote from their {@code package-info} ({@code Export-Package}), which the host
 * exports into Felix. The SDK's build is the one place these versions are written.
 */
public record SdkManifest(Version release, List<String> exports) {
  public static final String SYMBOLIC_NAME = "io.plexica.sdk";

  /** The SDK on this platform's class path. */
  public static final SdkManifest CURRENT = load();

  /** The release without its build qualifier: {@code 1.1.0.SNAPSHOT} provides {@code 1.1.0}. */
  public SdkManifest {
    release = new Version(release.getMajor(), release.getMinor(), release.getMicro());
    exports = List.copyOf(exports);
  }

  static SdkManifest load() {
    try {
      for (URL url :
          Collections.list(
              RouteHandler.class.getClassLoader().getResources("META-INF/MANIFEST.MF"))) {
        try (InputStream in = url.openStream()) {
          Attributes main = new Manifest(in).getMainAttributes();
          String name = main.getValue("Bundle-SymbolicName");
          if (name != null && name.split(";")[0].strip().equals(SYMBOLIC_NAME)) {
            return of(main);
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the plugin SDK's manifest", e);
    }
    throw new IllegalStateException(
        "The plugin SDK (" + SYMBOLIC_NAME + ") is not on the class path with its OSGi manifest");
  }

  /** The SDK's packages, each with its version. */
  public Map<String, Version> packageVersions() {
    Map<String, Version> versions = new LinkedHashMap<>();
    for (String export : exports) {
      String[] parts = export.split(";version=");
      versions.put(parts[0], Version.parseVersion(parts[1]));
    }
    return versions;
  }

  public static SdkManifest of(Attributes main) {
    List<String> exports = new ArrayList<>();
    for (String clause : BundlePackages.clauses(main.getValue("Export-Package"))) {
      String[] parts = clause.split(";");
      String version = "0.0.0";
      for (int i = 1; i < parts.length; i++) {
        String attribute = parts[i].strip();
        if (attribute.startsWith("version=")) {
          version = attribute.substring("version=".length()).replace("\"", "");
        }
      }
      exports.add(parts[0].strip() + ";version=" + version);
    }
    return new SdkManifest(Version.parseVersion(main.getValue("Bundle-Version")), exports);
  }
}
