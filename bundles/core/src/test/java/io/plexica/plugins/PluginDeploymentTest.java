package io.plexica.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plexica.identity.app.PermissionCatalog;
import io.plexica.plugins.app.DeployFolder;
import io.plexica.plugins.app.PluginCallMetrics;
import io.plexica.plugins.app.PluginDeployment;
import io.plexica.plugins.domain.PluginManifest;
import io.plexica.plugins.domain.PluginProblems;
import io.plexica.plugins.domain.PluginStore;
import io.plexica.plugins.infra.ManifestReader;
import io.plexica.shared.problem.ProblemException;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.testing.PluginNode;
import io.plexica.testing.TestBundles;
import io.plexica.testing.TestPlatform;
import io.plexica.testing.UsesServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deploying and removing plugin versions, on the test run's PostgreSQL with a real Felix: the
 * deploy folder (a file removes only what it deployed, its {@code .error} goes with it), single
 * versions, and refusals a vendor can act on.
 */
@UsesServices
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PluginDeploymentTest {
  private final TestPlatform platform = TestPlatform.create();
  private final List<String> deployedHere = new ArrayList<>();
  private PluginNode node;

  @BeforeAll
  void start() throws Exception {
    node = new PluginNode(platform, PluginCallMetrics.NONE);
  }

  @AfterAll
  void stop() {
    for (String id : deployedHere) {
      if (node.store.find(id).isPresent()) {
        node.deployment.remove(id);
      }
    }
    node.close();
  }

  @Test
  void removingAJarRemovesOnlyTheVersionItDeployedNotOneUploaded(@TempDir Path folder)
      throws Exception {
    String id = plugin("dropin");
    DeployFolder deployFolder =
        new DeployFolder(folder, node.deployment, node.libraries, new ManifestReader());
    Path jar = folder.resolve(id + ".jar");
    Files.write(jar, bundle(id, "1.0.0"));
    settle(deployFolder);
    assertThat(node.store.versions(id)).containsExactly("1.0.0");
    assertThat(node.store.deployedFrom("folder:" + id + ".jar"))
        .containsExactly(new PluginStore.DeployedVersion(id, "1.0.0"));

    node.deployment.deploy(bundle(id, "1.1.0"));
    assertThat(node.store.deployedFrom(PluginStore.UPLOADED))
        .contains(new PluginStore.DeployedVersion(id, "1.1.0"))
        .doesNotContain(new PluginStore.DeployedVersion(id, "1.0.0"));

    Files.delete(jar);
    deployFolder.scan();
    assertThat(node.store.versions(id)).containsExactly("1.1.0");
    assertThat(node.store.find(id).orElseThrow().currentVersion()).isEqualTo("1.1.0");
  }

  @Test
  void aJarHoldingAVersionUploadedBeforeOwnsNothingAndALaterNodeKnowsWhatItsFileDeployed(
      @TempDir Path folder) throws Exception {
    String id = plugin("dropsame");
    byte[] uploaded = bundle(id, "1.0.0");
    node.deployment.deploy(uploaded);
    Path same = folder.resolve(id + "-copy.jar");
    Files.write(same, uploaded);
    Path next = folder.resolve(id + "-next.jar");
    Files.write(next, bundle(id, "1.1.0"));
    settle(new DeployFolder(folder, node.deployment, node.libraries, new ManifestReader()));
    assertThat(node.store.versions(id)).containsExactly("1.0.0", "1.1.0");
    assertThat(Files.exists(folder.resolve(id + "-copy.jar.error"))).isFalse();

    // A restarted node: it has seen nothing yet, the registry remembers which file deployed what.
    DeployFolder restarted =
        new DeployFolder(folder, node.deployment, node.libraries, new ManifestReader());
    settle(restarted);
    Files.delete(same);
    restarted.scan();
    assertThat(node.store.versions(id)).containsExactly("1.0.0", "1.1.0");
    Files.delete(next);
    restarted.scan();
    assertThat(node.store.versions(id)).containsExactly("1.0.0");
    assertThat(node.store.find(id).orElseThrow().currentVersion()).isEqualTo("1.0.0");
  }

  @Test
  void aRefusedJarsErrorGoesWithItAndAStrayOneAtTheNextLook(@TempDir Path folder) throws Exception {
    String id = plugin("dropbad");
    DeployFolder deployFolder =
        new DeployFolder(folder, node.deployment, node.libraries, new ManifestReader());
    Path jar = folder.resolve(id + ".jar");
    Files.write(
        jar,
        TestBundles.jar(
            Map.of("Bundle-ManifestVersion", "2", "Bundle-SymbolicName", "t." + id),
            Map.of(PluginManifest.LOCATION, "{\"id\":\"" + id + "\"}")));
    settle(deployFolder);
    Path error = folder.resolve(id + ".jar.error");
    assertThat(Files.readString(error)).startsWith("plugin-manifest-invalid: ");

    Files.delete(jar);
    deployFolder.scan();
    assertThat(error).doesNotExist();

    Path stray = folder.resolve("gone-while-down.jar.error");
    Files.writeString(stray, "plugin-manifest-invalid: left by a node that stopped");
    deployFolder.scan();
    assertThat(stray).doesNotExist();
  }

  @Test
  void aVersionATenantRunsStaysAndTheLastVersionTakesThePluginWithIt() {
    String id = plugin("versions");
    node.deployment.deploy(bundle(id, "1.0.0"));
    node.deployment.deploy(bundle(id, "1.1.0"));
    TenantRef tenant = platform.activeTenant("vers");
    node.installations.install(tenant, id, Optional.of("1.0.0"), "{}");
    try {
      assertThatThrownBy(() -> node.deployment.removeVersion(id, "1.0.0"))
          .isInstanceOfSatisfying(
              ProblemException.class,
              e -> assertThat(e.type()).isEqualTo(PluginProblems.PLUGIN_IN_USE))
          .hasMessageContaining("Version 1.0.0 of plugin '" + id + "' runs in 1 tenant(s)")
          .hasMessageContaining(tenant.slug());
      assertThatThrownBy(() -> node.deployment.removeVersion(id, "3.0.0"))
          .isInstanceOfSatisfying(
              ProblemException.class,
              e -> assertThat(e.type()).isEqualTo(PluginProblems.VERSION_NOT_FOUND))
          .hasMessageContaining("[1.0.0, 1.1.0]");

      node.deployment.removeVersion(id, "1.1.0");
      assertThat(node.store.find(id).orElseThrow().currentVersion()).isEqualTo("1.0.0");
      assertThat(node.runtime.activeVersions(id)).containsExactly("1.0.0");
    } finally {
      node.installations.uninstall(tenant, id, true);
    }
    node.deployment.removeVersion(id, "1.0.0");
    assertThat(node.store.find(id)).isEmpty();
  }

  @Test
  void theCurrentVersionIsNotRemovedWhenWhatWouldRemainFallsOutsideADependentsRange() {
    String id = plugin("provider");
    String dependent = plugin("dependent");
    node.deployment.deploy(bundle(id, "1.0.0"));
    node.deployment.deploy(bundle(id, "2.0.0"));
    node.deployment.deploy(
        bundle(
            dependent,
            "1.0.0",
            ",\"dependencies\":[{\"id\":\"" + id + "\",\"version\":\"[2,3)\"}]"));

    assertThatThrownBy(() -> node.deployment.removeVersion(id, "2.0.0"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.type()).isEqualTo(PluginProblems.PLUGIN_IN_USE))
        .hasMessageContaining("'" + dependent + "' needs '" + id + "' [2,3), which 1.0.0");
    assertThat(node.store.versions(id)).containsExactly("1.0.0", "2.0.0");

    node.deployment.removeVersion(id, "1.0.0");
    assertThat(node.store.versions(id)).containsExactly("2.0.0");
  }

  @Test
  void aBundleImportingWhatNothingExportsIsRefusedNamingThePackagesAndTheFix() {
    String id = plugin("unmet");
    byte[] bundle =
        bundle(
            id,
            "1.0.0",
            "",
            Map.of(
                "Import-Package",
                "io.plexica.sdk;version=\"[1.1,2)\","
                    + "org.apache.commons.lang3;version=\"[3.17,4)\","
                    + "com.fasterxml.jackson.databind;version=\"[2.18,3)\","
                    + "org.example.optional;resolution:=optional"));

    assertThatThrownBy(() -> node.deployment.deploy(bundle))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.type()).isEqualTo(PluginProblems.BUNDLE_UNRESOLVED))
        .hasMessageContaining(
            "it imports org.apache.commons.lang3 [3.17.0,4.0.0),"
                + " com.fasterxml.jackson.databind [2.18.0,3.0.0), which nothing here exports")
        .hasMessageContaining("-conditionalpackage")
        .hasMessageContaining("POST /api/v1/admin/plugin-libraries")
        .message()
        .doesNotContain("org.example.optional")
        .doesNotContain("io.plexica.sdk ");
    assertThat(node.store.find(id)).isEmpty();
    assertThat(node.runtime.activeVersions(id)).isEmpty();
  }

  @Test
  void aDevelopmentPlatformReplacesAVersionInPlaceAndKeepsWhatTenantsApplied() throws Exception {
    String id = plugin("replaced");
    String v1 = "CREATE TABLE ${items} (id bigint PRIMARY KEY);";
    byte[] first = withFiles(id, Map.of("build.txt", "1", MIGRATIONS + "V1__items.sql", v1));
    node.deployment.deploy(first);

    byte[] second = withFiles(id, Map.of("build.txt", "2", MIGRATIONS + "V1__items.sql", v1));
    assertThatThrownBy(() -> node.deployment.replace(id, "1.0.0", second))
        .as("a production platform")
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.type()).isEqualTo(PluginProblems.REPLACE_OFF))
        .hasMessageContaining("deploy a higher version");
    assertThat(node.store.sha256(id, "1.0.0")).contains(sha256(first));

    PluginDeployment development =
        new PluginDeployment(
            node.store,
            new ManifestReader(),
            node.runtime,
            new PermissionCatalog(),
            Clock.systemUTC(),
            true);
    try (PluginNode replica = new PluginNode(platform, PluginCallMetrics.NONE)) {
      replica.deployment.reconcile(id);
      assertThat(built(replica, id)).isEqualTo("1");

      development.replace(id, "1.0.0", second);
      assertThat(node.store.sha256(id, "1.0.0")).contains(sha256(second));
      assertThat(built(node, id)).as("runs the new bundle here").isEqualTo("2");
      assertThat(node.store.versions(id)).containsExactly("1.0.0");
      // Another replica follows core.plugin.replaced by reconciling: same version, new bundle.
      replica.deployment.reconcile(id);
      assertThat(built(replica, id)).isEqualTo("2");
      long started = replica.bundleOf(id).getLastModified();
      replica.deployment.reconcile(id);
      assertThat(replica.bundleOf(id).getLastModified())
          .as("a reconcile without a replacement restarts nothing")
          .isEqualTo(started);
    }
    assertThat(development.replace(id, "1.0.0", second).currentVersion())
        .as("the same bundle again changes nothing")
        .isEqualTo("1.0.0");

    assertThatThrownBy(
            () -> development.replace(id, "1.0.1", withFiles(id, Map.of("build.txt", "3"))))
        .as("another version than the bundle's")
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("not " + id + " 1.0.1");

    TenantRef tenant = platform.activeTenant("repl");
    node.installations.install(tenant, id, Optional.empty(), "{}");
    try {
      byte[] changed =
          withFiles(
              id,
              Map.of(
                  "build.txt",
                  "4",
                  MIGRATIONS + "V1__items.sql",
                  v1,
                  MIGRATIONS + "V2__more.sql",
                  "ALTER TABLE ${items} ADD COLUMN title text;"));
      assertThatThrownBy(() -> development.replace(id, "1.0.0", changed))
          .isInstanceOfSatisfying(
              ProblemException.class,
              e -> assertThat(e.type()).isEqualTo(PluginProblems.REPLACE_MIGRATIONS_CHANGED))
          .hasMessageContaining("with its migrations applied");
      assertThat(built(node, id)).as("the refused bundle never ran").isEqualTo("2");

      byte[] codeOnly = withFiles(id, Map.of("build.txt", "5", MIGRATIONS + "V1__items.sql", v1));
      development.replace(id, "1.0.0", codeOnly);
      assertThat(built(node, id)).isEqualTo("5");
      assertThat(node.store.installation(tenant.id(), id).orElseThrow().pluginVersion())
          .isEqualTo("1.0.0");
    } finally {
      node.installations.uninstall(tenant, id, true);
    }
  }

  private static final String MIGRATIONS = "META-INF/plexica/migrations/";

  /** Plugin {@code id} 1.0.0 with these files besides its plugin.json. */
  private static byte[] withFiles(String id, Map<String, String> files) {
    Map<String, String> entries = new java.util.HashMap<>(files);
    entries.put(
        "META-INF/plexica/plugin.json",
        "{\"id\":\""
            + id
            + "\",\"version\":\"1.0.0\",\"name\":\"T\",\"vendor\":\"Tests\","
            + "\"sdk\":\"[1.0,2)\"}");
    return TestBundles.jar(
        Map.of(
            "Bundle-ManifestVersion", "2",
            "Bundle-SymbolicName", "io.plexica.test." + id,
            "Bundle-Version", "1.0.0"),
        entries);
  }

  private static String sha256(byte[] bytes) throws java.security.NoSuchAlgorithmException {
    return java.util.HexFormat.of()
        .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  /** Which build of the plugin runs on that node (its build.txt). */
  private static String built(PluginNode on, String id) throws java.io.IOException {
    try (java.io.InputStream in = on.bundleOf(id).getEntry("build.txt").openStream()) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  /** A fresh plugin id, removed after the class. Dependents first: they are removed first. */
  private String plugin(String prefix) {
    String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    deployedHere.add(0, id);
    return id;
  }

  private static byte[] bundle(String id, String version) {
    return bundle(id, version, "");
  }

  private static byte[] bundle(String id, String version, String more) {
    return bundle(id, version, more, Map.of());
  }

  private static byte[] bundle(
      String id, String version, String more, Map<String, String> headers) {
    return TestBundles.plugin(id, version, more, headers);
  }

  /** Two looks: a jar is taken once it stopped changing between them. */
  private static void settle(DeployFolder folder) {
    folder.scan();
    folder.scan();
  }
}
