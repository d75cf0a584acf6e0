package io.plexica.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plexica.plugins.app.DeployFolder;
import io.plexica.plugins.app.LibraryRuntime.LibraryUser;
import io.plexica.plugins.app.PluginCallMetrics;
import io.plexica.plugins.app.PluginLibraries;
import io.plexica.plugins.domain.PluginManifest;
import io.plexica.plugins.domain.PluginProblems;
import io.plexica.plugins.infra.ManifestReader;
import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.problem.ProblemType;
import io.plexica.testing.PluginNode;
import io.plexica.testing.TestBundles;
import io.plexica.testing.TestPlatform;
import io.plexica.testing.UsesServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Library bundles on the test run's PostgreSQL with a real Felix: plugins import their packages,
 * versions live side by side and each plugin is wired to the one its range accepts, removal waits
 * until nothing is wired, and every refusal leaves nothing behind.
 */
@UsesServices
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PluginLibrariesTest {
  private final TestPlatform platform = TestPlatform.create();
  private final List<String> pluginsHere = new ArrayList<>();
  private final List<String[]> librariesHere = new ArrayList<>();
  private PluginNode node;

  @BeforeAll
  void start() throws Exception {
    node = new PluginNode(platform, PluginCallMetrics.NONE);
  }

  @AfterAll
  void stop() {
    for (String id : pluginsHere) {
      if (node.store.find(id).isPresent()) {
        node.deployment.remove(id);
      }
    }
    for (String[] library : librariesHere) {
      if (node.libraries.list().stream().anyMatch(l -> l.library().is(library[0], library[1]))) {
        node.libraries.remove(library[0], library[1]);
      }
    }
    node.close();
  }

  @Test
  void aPluginImportsALibrarysPackagesAndTheLibraryStaysWhileItIsWired() {
    String name = libraryName("strings");
    node.libraries.add(library(name, "3.17.0", name + ".text;version=\"3.17.0\"", null));
    String id = plugin("strings-user");
    node.deployment.deploy(pluginImporting(id, name + ".text;version=\"[3.17,4)\""));
    assertThat(node.runtime.activeVersions(id)).containsExactly("1.0.0");

    PluginLibraries.UsedLibrary used = node.libraries.used(name, "3.17.0");
    assertThat(used.users()).containsExactly(new LibraryUser(LibraryUser.Kind.PLUGIN, id, "1.0.0"));
    assertThat(used.library().exports()).containsOnlyKeys(name + ".text");
    assertThat(used.library().sha256()).hasSize(64);
    refused(
        () -> node.libraries.remove(name, "3.17.0"),
        PluginProblems.LIBRARY_IN_USE,
        "Library " + name + " 3.17.0 is used by plugin " + id + " 1.0.0");
    assertThat(node.libraries.used(name, "3.17.0").library().version()).isEqualTo("3.17.0");

    node.deployment.remove(id);
    node.libraries.remove(name, "3.17.0");
    assertThat(node.libraries.list()).noneMatch(l -> l.library().symbolicName().equals(name));
    assertThat(node.libraries.addedFrom("upload")).noneMatch(l -> l.symbolicName().equals(name));
  }

  @Test
  void aLibraryThatARegisteredVersionNeedsStaysWhileThatVersionIsThereEvenStopped() {
    String name = libraryName("dates");
    node.libraries.add(library(name, "1.0.0", name + ";version=\"1.0.0\"", null));
    String id = plugin("dates-user");
    node.deployment.deploy(pluginImporting(id, name + ";version=\"[1,2)\""));
    node.deployment.deploy(TestBundles.plugin(id, "2.0.0", "", Map.of()));
    assertThat(node.runtime.activeVersions(id))
        .as("1.0.0 stopped: no tenant")
        .containsExactly("2.0.0");
    assertThat(node.libraries.used(name, "1.0.0").users()).isEmpty();

    refused(
        () -> node.libraries.remove(name, "1.0.0"),
        PluginProblems.LIBRARY_IN_USE,
        "do not run now but may at a tenant's upgrade: " + id + " 1.0.0");
    node.deployment.ensureRunning(id, "1.0.0");
    assertThat(node.runtime.activeVersions(id)).as("it still starts").contains("1.0.0");

    node.deployment.removeVersion(id, "1.0.0");
    node.libraries.remove(name, "1.0.0");
    assertThat(node.libraries.list()).noneMatch(l -> l.library().symbolicName().equals(name));
  }

  @Test
  void versionsLiveSideBySideAndEachPluginGetsTheOneItsRangeAccepts() {
    String name = libraryName("json");
    node.libraries.add(library(name, "1.4.0", name + ";version=\"1.4.0\"", null));
    node.libraries.add(library(name, "2.1.0", name + ";version=\"2.1.0\"", null));
    String old = plugin("json-one");
    String next = plugin("json-two");
    node.deployment.deploy(pluginImporting(old, name + ";version=\"[1,2)\""));
    node.deployment.deploy(pluginImporting(next, name + ";version=\"[2,3)\""));

    assertThat(node.libraries.used(name, "1.4.0").users())
        .containsExactly(new LibraryUser(LibraryUser.Kind.PLUGIN, old, "1.0.0"));
    assertThat(node.libraries.used(name, "2.1.0").users())
        .containsExactly(new LibraryUser(LibraryUser.Kind.PLUGIN, next, "1.0.0"));
    refused(
        () -> node.libraries.add(library(name, "2.1.0", name + ";version=\"2.1.0\"", null)),
        PluginProblems.LIBRARY_VERSION_EXISTS,
        "Library " + name + " 2.1.0 is there already.");

    node.deployment.remove(old);
    node.libraries.remove(name, "1.4.0");
    assertThat(node.runtime.activeVersions(next)).containsExactly("1.0.0");
  }

  @Test
  void aLibraryNeedsWhatItImportsAndKeepsWhatImportsIt() {
    String core = libraryName("core");
    String databind = libraryName("databind");
    byte[] dependent =
        library(
            databind, "2.18.1", databind + ";version=\"2.18.1\"", core + ";version=\"[2.18,3)\"");

    refused(
        () -> node.libraries.add(dependent),
        PluginProblems.LIBRARY_UNRESOLVED,
        "Library " + databind + " 2.18.1 imports " + core + " [2.18.0,3.0.0), which nothing here");
    assertThat(node.libraries.list()).noneMatch(l -> l.library().symbolicName().equals(databind));

    node.libraries.add(library(core, "2.18.1", core + ";version=\"2.18.1\"", null));
    node.libraries.add(dependent);
    refused(
        () -> node.libraries.remove(core, "2.18.1"),
        PluginProblems.LIBRARY_IN_USE,
        "is used by library " + databind + " 2.18.1");
    node.libraries.remove(databind, "2.18.1");
    node.libraries.remove(core, "2.18.1");
  }

  @Test
  void whatIsNoLibraryIsRefusedSayingWhyAndLeavesNothing() {
    String name = libraryName("bad");
    byte[] plugin =
        TestBundles.jar(
            Map.of("Bundle-ManifestVersion", "2", "Bundle-SymbolicName", name),
            Map.of(PluginManifest.LOCATION, "{}"));
    refused(
        () -> node.libraries.add(plugin),
        PluginProblems.LIBRARY_INVALID,
        "This jar is a plugin (it has META-INF/plexica/plugin.json): deploy it at");
    refused(
        () -> node.libraries.add(TestBundles.jar(Map.of("Created-By", "hand"), Map.of())),
        PluginProblems.LIBRARY_INVALID,
        "its manifest has no Bundle-SymbolicName");
    refused(
        () -> node.libraries.add(library(name, "1.0.0", null, null)),
        PluginProblems.LIBRARY_INVALID,
        "exports no package");
    refused(
        () ->
            node.libraries.add(
                library(name, "1.0.0", "io.plexica.sdk.route;version=\"1.1.0\",org.ok", null)),
        PluginProblems.LIBRARY_INVALID,
        "exports io.plexica.sdk.route, which the platform provides itself");
    refused(
        () -> node.libraries.add("not a jar".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        PluginProblems.LIBRARY_INVALID,
        "not a jar");
    assertThat(node.libraries.list()).noneMatch(l -> l.library().symbolicName().equals(name));
    assertThat(node.host.context().getBundles()).noneMatch(b -> b.getLocation().contains(name));
  }

  @Test
  void aLibraryDroppedIntoTheDeployFolderComesAndGoesWithItsFile(@TempDir Path folder)
      throws Exception {
    String name = libraryName("dropped");
    DeployFolder deployFolder =
        new DeployFolder(folder, node.deployment, node.libraries, new ManifestReader());
    Path jar = folder.resolve(name + ".jar");
    Files.write(jar, library(name, "1.0.0", name + ";version=\"1.0.0\"", null));
    deployFolder.scan();
    deployFolder.scan();
    assertThat(node.libraries.addedFrom("folder:" + name + ".jar"))
        .singleElement()
        .satisfies(l -> assertThat(l.label()).isEqualTo(name + " 1.0.0"));
    assertThat(folder.resolve(name + ".jar.error")).doesNotExist();

    Files.delete(jar);
    deployFolder.scan();
    assertThat(node.libraries.list()).noneMatch(l -> l.library().symbolicName().equals(name));
  }

  private static void refused(Executable action, ProblemType type, String message) {
    assertThatThrownBy(action::execute)
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.type()).isEqualTo(type))
        .hasMessageContaining(message);
  }

  /** A fresh library name, removed after the class (dependents were added after what they use). */
  private String libraryName(String prefix) {
    return "org.example.t" + UUID.randomUUID().toString().substring(0, 8) + "." + prefix;
  }

  /** A code-less library bundle; {@code exports} and {@code imports} as the headers take them. */
  private byte[] library(String name, String version, String exports, String imports) {
    librariesHere.add(0, new String[] {name, version});
    return TestBundles.library(name, version, exports, imports);
  }

  private String plugin(String prefix) {
    String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    pluginsHere.add(0, id);
    return id;
  }

  private static byte[] pluginImporting(String id, String imports) {
    return TestBundles.plugin(id, "1.0.0", "", Map.of("Import-Package", imports));
  }
}
