package io.plexica.plugins.infra;

import io.plexica.plugins.app.LibraryRuntime;
import io.plexica.plugins.domain.PluginLibrary;
import io.plexica.plugins.domain.PluginProblems;
import io.plexica.shared.problem.ProblemException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Library bundles in the embedded Felix framework, installed and resolved but never started: their
 * classes serve the plugins wired to them, and no activator of theirs runs in the platform.
 */
public class FelixLibraries implements LibraryRuntime {
  static final String LOCATION = "plexica:library/";

  private final FelixHost host;
  private final Map<String, Bundle> installed = new ConcurrentHashMap<>();

  public FelixLibraries(FelixHost host) {
    this.host = host;
  }

  @Override
  public synchronized boolean install(PluginLibrary library, byte[] bundle) {
    String key = LibraryRuntime.key(library.symbolicName(), library.version());
    if (installed.containsKey(key)) {
      return false;
    }
    try {
      installed.put(key, host.installAndResolve(LOCATION + key, bundle));
      return true;
    } catch (FelixHost.UnmetImports e) {
      throw new ProblemException(
          PluginProblems.LIBRARY_UNRESOLVED,
          "Library "
              + library.label()
              + " imports "
              + String.join(", ", e.packages())
              + ", which nothing here exports. Add the libraries that export them first (for"
              + " jackson-databind: jackson-core and jackson-annotations of the same version).",
          e);
    } catch (BundleException | RuntimeException e) {
      throw new ProblemException(
          PluginProblems.LIBRARY_UNRESOLVED,
          "Library " + library.label() + " cannot be used here: " + e.getMessage(),
          e);
    }
  }

  @Override
  public synchronized void uninstall(String symbolicName, String version) {
    Bundle bundle = installed.remove(LibraryRuntime.key(symbolicName, version));
    if (bundle != null) {
      try {
        host.uninstall(bundle);
      } catch (BundleException e) {
        throw new IllegalStateException("Could not uninstall " + bundle.getLocation(), e);
      }
    }
  }

  @Override
  public Set<String> installed() {
    return Set.copyOf(installed.keySet());
  }

  @Override
  public List<LibraryUser> users(String symbolicName, String version) {
    Bundle bundle = installed.get(LibraryRuntime.key(symbolicName, version));
    BundleWiring wiring = bundle == null ? null : bundle.adapt(BundleWiring.class);
    if (wiring == null) {
      return List.of();
    }
    Set<LibraryUser> users = new LinkedHashSet<>();
    for (BundleWire wire : wiring.getProvidedWires(PackageNamespace.PACKAGE_NAMESPACE)) {
      Bundle user = wire.getRequirer().getBundle();
      if (!user.equals(bundle)) {
        userOf(user).ifPresent(users::add);
      }
    }
    return new ArrayList<>(users);
  }

  /** The plugin version or library a bundle was installed for, from its location. */
  private static java.util.Optional<LibraryUser> userOf(Bundle bundle) {
    String location = bundle.getLocation();
    String[] parts;
    LibraryUser.Kind kind;
    if (location.startsWith(FelixPluginRuntime.LOCATION)) {
      parts = location.substring(FelixPluginRuntime.LOCATION.length()).split("/");
      kind = LibraryUser.Kind.PLUGIN;
    } else if (location.startsWith(LOCATION)) {
      parts = location.substring(LOCATION.length()).split("@", 2);
      kind = LibraryUser.Kind.LIBRARY;
    } else {
      return java.util.Optional.empty();
    }
    return parts.length < 2
        ? java.util.Optional.empty()
        : java.util.Optional.of(new LibraryUser(kind, parts[0], parts[1]));
  }
}
