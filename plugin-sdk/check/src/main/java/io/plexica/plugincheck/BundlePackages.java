package io.plexica.plugincheck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.Attributes;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/**
 * The Java packages a plugin's bundle exports (each with its version) and imports (each with the
 * range it accepts), as its jar manifest declares them: what decides whether one plugin's services
 * fit another plugin's version. Optional imports ({@code resolution:=optional}) are not among the
 * imports: the bundle resolves without them.
 */
public record BundlePackages(Map<String, Version> exports, Map<String, VersionRange> imports) {
  /** What an import without a version accepts: any version. */
  public static final VersionRange ANY = new VersionRange("0.0.0");

  /** A bundle that exports and imports nothing. */
  public static final BundlePackages NONE = new BundlePackages(Map.of(), Map.of());

  public BundlePackages {
    exports = Map.copyOf(exports);
    imports = Map.copyOf(imports);
  }

  public static BundlePackages of(byte[] bundle) {
    return of(BundleEntries.jarManifest(bundle).getMainAttributes());
  }

  public static BundlePackages of(Attributes main) {
    Map<String, Version> exports = new LinkedHashMap<>();
    for (String clause : clauses(main.getValue("Export-Package"))) {
      Clause parsed = Clause.parse(clause);
      Version version = parsed.version().map(Version::parseVersion).orElse(Version.emptyVersion);
      parsed.packages().forEach(name -> exports.put(name, version));
    }
    Map<String, VersionRange> imports = new LinkedHashMap<>();
    for (String clause : clauses(main.getValue("Import-Package"))) {
      Clause parsed = Clause.parse(clause);
      if (parsed.optional()) {
        continue;
      }
      VersionRange range = parsed.version().map(VersionRange::new).orElse(ANY);
      parsed.packages().forEach(name -> imports.put(name, range));
    }
    return new BundlePackages(exports, imports);
  }

  /**
   * What this bundle imports from {@code provider}'s packages and {@code provider} does not give in
   * a version it accepts, in words; empty when every such import is met. Packages {@code previous}
   * exported count too, so an import the provider stopped exporting is unmet.
   */
  public List<String> unmetBy(String providerId, BundlePackages provider, BundlePackages previous) {
    List<String> unmet = new ArrayList<>();
    imports.forEach(
        (name, range) -> {
          Version offered = provider.exports().get(name);
          if (offered != null && !range.includes(offered)) {
            unmet.add(
                name + " " + range + " (" + providerId + " exports " + offered.toString() + ")");
          } else if (offered == null && previous.exports().containsKey(name)) {
            unmet.add(name + " " + range + " (" + providerId + " no longer exports it)");
          }
        });
    return unmet;
  }

  /**
   * One clause: its packages (several may share attributes), its {@code version}, and whether it is
   * an optional import ({@code resolution:=optional}).
   */
  private record Clause(List<String> packages, Optional<String> version, boolean optional) {
    static Clause parse(String clause) {
      List<String> packages = new ArrayList<>();
      Optional<String> version = Optional.empty();
      boolean optional = false;
      for (String part : clause.split(";(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
        String item = part.strip();
        if (item.replace(" ", "").equals("resolution:=optional")) {
          optional = true;
        } else if (item.startsWith("version=")) {
          version = Optional.of(item.substring("version=".length()).replace("\"", "").strip());
        } else if (!item.contains("=")) {
          packages.add(item);
        }
      }
      return new Clause(packages, version, optional);
    }
  }

  /** The clauses of an OSGi header: commas inside quotes ({@code uses:="a,b"}) do not split. */
  public static List<String> clauses(String header) {
    List<String> clauses = new ArrayList<>();
    if (header == null) {
      return clauses;
    }
    StringBuilder clause = new StringBuilder();
    boolean quoted = false;
    for (char c : header.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      }
      if (c == ',' && !quoted) {
        clauses.add(clause.toString().strip());
        clause.setLength(0);
      } else {
        clause.append(c);
      }
    }
    if (!clause.isEmpty()) {
      clauses.add(clause.toString().strip());
    }
    return clauses;
  }
}
