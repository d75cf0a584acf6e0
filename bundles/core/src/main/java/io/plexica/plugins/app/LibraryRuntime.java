package io.plexica.plugins.app;

import io.plexica.plugins.domain.PluginLibrary;
import java.util.List;
import java.util.Set;

/** Where library bundles live beside the plugins: the embedded OSGi framework. */
public interface LibraryRuntime {

  /**
   * Installs and resolves the library (its code never runs: it is not started); false when it was
   * installed already. One that does not resolve is refused ({@code library-unresolved}) and leaves
   * nothing behind.
   */
  boolean install(PluginLibrary library, byte[] bundle);

  /** Removes the library; nothing happens when it is not installed. */
  void uninstall(String symbolicName, String version);

  /** The installed libraries, each as {@code symbolicName@version}. */
  Set<String> installed();

  /**
   * What is wired to the library's packages right now: each user as {@code plugin <id> <version>}
   * or {@code library <name> <version>}; empty when nothing uses it.
   */
  List<LibraryUser> users(String symbolicName, String version);

  /** A plugin version or another library that imports packages of a library. */
  record LibraryUser(Kind kind, String id, String version) {
    public enum Kind {
      PLUGIN,
      LIBRARY
    }

    @Override
    public String toString() {
      return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + id + " " + version;
    }
  }

  static String key(String symbolicName, String version) {
    return symbolicName + "@" + version;
  }
}
