package io.plexica.plugins.app;

import io.plexica.plugincheck.BundleEntries;
import io.plexica.plugincheck.BundlePackages;
import io.plexica.plugincheck.BundleRefusal;
import io.plexica.plugins.app.LibraryRuntime.LibraryUser;
import io.plexica.plugins.domain.LibraryStore;
import io.plexica.plugins.domain.PluginLibrary;
import io.plexica.plugins.domain.PluginManifest;
import io.plexica.plugins.domain.PluginProblems;
import io.plexica.plugins.domain.PluginStore;
import io.plexica.shared.events.DomainEvent;
import io.plexica.shared.problem.ProblemException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.osgi.framework.Version;

/**
 * Library bundles for platform administrators: an OSGi bundle from Maven Central (commons-lang3,
 * jackson-databind…) added once, whose packages every plugin may import instead of embedding them.
 * A library is checked (a bundle, exporting packages, none the platform provides itself), resolved
 * beside the others, and only then recorded; it is removed only once nothing is wired to it.
 */
public class PluginLibraries {
  private static final Logger LOG = Logger.getLogger(PluginLibraries.class.getName());

  /** Announced when a library is added (other replicas install it). */
  public static final String ADDED = "core.library.added";

  /** Announced when a library is removed (other replicas uninstall it). */
  public static final String REMOVED = "core.library.removed";

  /**
   * Packages the platform gives plugins itself or runs on: a library exporting one would stand
   * between plugins and the host (a second {@code io.plexica.sdk} is not the one the host calls).
   */
  private static final List<String> PLATFORM_PACKAGES =
      List.of("io.plexica.", "jakarta.json", "org.osgi.", "org.apache.felix.", "java.");

  private static final Pattern SYMBOLIC_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,200}");

  private final LibraryStore store;
  private final LibraryRuntime runtime;
  private final Clock clock;
  private final Supplier<Map<String, BundlePackages>> registeredPlugins;

  /**
   * {@code registeredPlugins}: the packages of every registered plugin version by its label ({@code
   * crm 1.0.0}), running or not ({@link PluginDeployment#registeredPackages}).
   */
  public PluginLibraries(
      LibraryStore store,
      LibraryRuntime runtime,
      Clock clock,
      Supplier<Map<String, BundlePackages>> registeredPlugins) {
    this.store = store;
    this.runtime = runtime;
    this.clock = clock;
    this.registeredPlugins = registeredPlugins;
  }

  /** A library with what uses it on this node now. */
  public record UsedLibrary(PluginLibrary library, List<LibraryUser> users) {}

  /** Adds an uploaded library; returns it. */
  public PluginLibrary add(byte[] bundle) {
    return add(bundle, PluginStore.UPLOADED);
  }

  /** Adds a library, recording where it came from (a deploy folder's file removes only its own). */
  public PluginLibrary add(byte[] bundle, String source) {
    PluginLibrary library = read(bundle, source);
    if (find(library.symbolicName(), library.version()) != null) {
      throw exists(library);
    }
    boolean installedHere = runtime.install(library, bundle);
    try {
      store.add(
          library,
          bundle,
          List.of(
              DomainEvent.ofPlatform(
                  ADDED, Map.of("library", library.symbolicName(), "version", library.version()))));
    } catch (RuntimeException e) {
      if (installedHere) {
        runtime.uninstall(library.symbolicName(), library.version());
      }
      throw e;
    }
    return library;
  }

  /** Removes a library nothing is wired to. */
  public void remove(String symbolicName, String version) {
    PluginLibrary library = get(symbolicName, version);
    List<LibraryUser> users = runtime.users(symbolicName, version);
    if (!users.isEmpty()) {
      throw new ProblemException(
          PluginProblems.LIBRARY_IN_USE,
          "Library "
              + library.label()
              + " is used by "
              + users.stream().map(LibraryUser::toString).collect(Collectors.joining(", "))
              + "; remove those (or move them to another version of it) first.");
    }
    List<String> needing = registeredNeeding(library);
    if (!needing.isEmpty()) {
      throw new ProblemException(
          PluginProblems.LIBRARY_IN_USE,
          "Library "
              + library.label()
              + " is needed by plugin version(s) that do not run now but may at a tenant's"
              + " upgrade: "
              + String.join(", ", needing)
              + "; nothing else here exports what they import from it. Remove those versions"
              + " first, or add another version of the library that fits their ranges.");
    }
    store.delete(
        symbolicName,
        version,
        List.of(
            DomainEvent.ofPlatform(REMOVED, Map.of("library", symbolicName, "version", version))));
    runtime.uninstall(symbolicName, version);
  }

  /**
   * The registered plugin versions that import a package which {@code library} exports in a version
   * they accept and no other library, nor any registered plugin version, exports in one: without it
   * they would not resolve when they start. (Those running are wired, and named by the runtime.)
   */
  private List<String> registeredNeeding(PluginLibrary library) {
    Map<String, BundlePackages> plugins = registeredPlugins.get();
    List<Map<String, Version>> others = new java.util.ArrayList<>();
    store.list().stream()
        .filter(l -> !l.label().equals(library.label()))
        .forEach(l -> others.add(l.exports()));
    plugins.values().forEach(p -> others.add(p.exports()));
    List<String> needing = new java.util.ArrayList<>();
    plugins.forEach(
        (label, packages) ->
            packages
                .imports()
                .forEach(
                    (name, range) -> {
                      Version offered = library.exports().get(name);
                      boolean fromThis = offered != null && range.includes(offered);
                      boolean elsewhere =
                          others.stream()
                              .map(exports -> exports.get(name))
                              .anyMatch(v -> v != null && range.includes(v));
                      if (fromThis && !elsewhere && !needing.contains(label)) {
                        needing.add(label);
                      }
                    }));
    return needing;
  }

  public List<UsedLibrary> list() {
    return store.list().stream()
        .map(l -> new UsedLibrary(l, runtime.users(l.symbolicName(), l.version())))
        .toList();
  }

  public UsedLibrary used(String symbolicName, String version) {
    return new UsedLibrary(get(symbolicName, version), runtime.users(symbolicName, version));
  }

  /** The libraries a deploy folder's file added. */
  public List<PluginLibrary> addedFrom(String source) {
    return store.list().stream().filter(l -> l.source().equals(source)).toList();
  }

  public byte[] bundle(String symbolicName, String version) {
    return store.bundle(symbolicName, version).orElseThrow(() -> notFound(symbolicName, version));
  }

  /**
   * Installs every recorded library this node lacks (oldest first: what a library imports was there
   * before it) and uninstalls those no longer recorded: at start-up before any plugin, and when
   * another replica changed them. One failing stops no other.
   */
  public void reconcile() {
    List<PluginLibrary> recorded = store.list();
    Set<String> installed = runtime.installed();
    for (PluginLibrary library : recorded) {
      if (!installed.contains(LibraryRuntime.key(library.symbolicName(), library.version()))) {
        try {
          runtime.install(library, bundle(library.symbolicName(), library.version()));
        } catch (RuntimeException e) {
          LOG.log(Level.SEVERE, "Library " + library.label() + " could not be installed", e);
        }
      }
    }
    Set<String> keep =
        recorded.stream()
            .map(l -> LibraryRuntime.key(l.symbolicName(), l.version()))
            .collect(Collectors.toSet());
    for (String key : installed) {
      if (!keep.contains(key)) {
        int at = key.lastIndexOf('@');
        runtime.uninstall(key.substring(0, at), key.substring(at + 1));
      }
    }
  }

  /** Whether the jar looks like a library rather than a plugin: a bundle without plugin.json. */
  public static boolean isLibrary(byte[] bundle) {
    Manifest manifest = jarManifest(bundle);
    return manifest != null
        && manifest.getMainAttributes().getValue("Bundle-SymbolicName") != null
        && !BundleEntries.contains(bundle, PluginManifest.LOCATION);
  }

  private static Manifest jarManifest(byte[] bundle) {
    try {
      return BundleEntries.jarManifest(bundle);
    } catch (BundleRefusal refusal) {
      throw PluginProblems.refused(refusal);
    }
  }

  private PluginLibrary read(byte[] bundle, String source) {
    Manifest manifest = jarManifest(bundle);
    if (manifest == null) {
      throw invalid("The upload is not a jar with a manifest (META-INF/MANIFEST.MF).");
    }
    if (BundleEntries.contains(bundle, PluginManifest.LOCATION)) {
      throw invalid(
          "This jar is a plugin (it has "
              + PluginManifest.LOCATION
              + "): deploy it at /api/v1/admin/plugins, not as a library.");
    }
    Attributes main = manifest.getMainAttributes();
    String name = main.getValue("Bundle-SymbolicName");
    if (name == null) {
      throw invalid(
          "The jar is not an OSGi bundle: its manifest has no Bundle-SymbolicName. Only bundles"
              + " can be shared; most libraries on Maven Central are (commons-lang3, jackson-*)."
              + " Put one that is not inside your plugin's jar (with bnd, -conditionalpackage).");
    }
    name = name.split(";", 2)[0].strip();
    if (!SYMBOLIC_NAME.matcher(name).matches()) {
      throw invalid(
          "Bundle-SymbolicName '"
              + name
              + "' is not a name the registry takes: letters, digits, . _ - (at most 200).");
    }
    Version version;
    try {
      version = Version.parseVersion(main.getValue("Bundle-Version"));
    } catch (IllegalArgumentException e) {
      throw invalid(
          "Bundle-Version '" + main.getValue("Bundle-Version") + "' is not an OSGi version.");
    }
    Map<String, Version> exports = BundlePackages.of(main).exports();
    if (exports.isEmpty()) {
      throw invalid(
          "Library "
              + name
              + " exports no package (no Export-Package), so no plugin could use it.");
    }
    List<String> reserved =
        exports.keySet().stream()
            .filter(p -> PLATFORM_PACKAGES.stream().anyMatch(p::startsWith))
            .sorted()
            .toList();
    if (!reserved.isEmpty()) {
      throw invalid(
          "Library "
              + name
              + " exports "
              + String.join(", ", reserved)
              + ", which the platform provides itself; a library may not replace them.");
    }
    return new PluginLibrary(
        name,
        version.toString(),
        exports,
        PluginDeployment.sha256(bundle),
        bundle.length,
        source,
        clock.instant());
  }

  private PluginLibrary find(String symbolicName, String version) {
    return store.list().stream().filter(l -> l.is(symbolicName, version)).findFirst().orElse(null);
  }

  private PluginLibrary get(String symbolicName, String version) {
    PluginLibrary library = find(symbolicName, version);
    if (library == null) {
      throw notFound(symbolicName, version);
    }
    return library;
  }

  private static ProblemException notFound(String symbolicName, String version) {
    return new ProblemException(
        PluginProblems.LIBRARY_NOT_FOUND,
        "There is no library " + symbolicName + " " + version + ".");
  }

  private static ProblemException exists(PluginLibrary library) {
    return new ProblemException(
        PluginProblems.LIBRARY_VERSION_EXISTS, "Library " + library.label() + " is there already.");
  }

  private static ProblemException invalid(String message) {
    return new ProblemException(PluginProblems.LIBRARY_INVALID, message);
  }
}
