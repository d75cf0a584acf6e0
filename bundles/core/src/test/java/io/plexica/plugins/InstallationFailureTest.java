package io.plexica.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plexica.identity.app.PermissionCatalog;
import io.plexica.plugins.app.InstallationRecovery;
import io.plexica.plugins.app.PluginDeployment;
import io.plexica.plugins.app.PluginInstallations;
import io.plexica.plugins.domain.PluginManifest;
import io.plexica.plugins.domain.PluginStore;
import io.plexica.plugins.infra.FelixHost;
import io.plexica.plugins.infra.FelixPluginRuntime;
import io.plexica.plugins.infra.FlywayPluginMigrations;
import io.plexica.plugins.infra.JpaPluginStore;
import io.plexica.plugins.infra.ManifestReader;
import io.plexica.shared.hooks.ExtensionPoints;
import io.plexica.shared.lease.LeaseKeeper;
import io.plexica.shared.lease.WorkLeases;
import io.plexica.tenancy.app.QuotaGuard;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.testing.TestBundles;
import io.plexica.testing.TestPlatform;
import io.plexica.testing.UsesServices;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An installation that fails after the plugin's migrations ran leaves nothing: no installation, no
 * tables of the plugin in the tenant's schema, no permission in the tenant's roles.
 */
@UsesServices
class InstallationFailureTest {

  @Test
  void aFailedInstallationLeavesNoTablesNorPermissions(@TempDir Path cache) {
    TestPlatform platform = TestPlatform.create();
    TenantRef tenant = platform.activeTenant("instfail");
    String id = "instfail-" + UUID.randomUUID().toString().substring(0, 8);
    byte[] bundle =
        TestBundles.withEntries(
            TestBundles.sample("analytics"),
            Map.of(
                PluginManifest.LOCATION,
                "{\"id\":\""
                    + id
                    + "\",\"version\":\"1.0.0\",\"name\":\"F\",\"vendor\":\"T\","
                    + "\"sdk\":\"[1.0,2)\",\"permissions\":[{\"name\":\""
                    + id
                    + ":x:read\",\"description\":\"x\"}]}"));
    PluginStore store = new JpaPluginStore(TestPlatform.database());
    PluginStore failingOnInstall = failing(store, "install");
    ManifestReader manifests = new ManifestReader();
    try (FelixHost host = new FelixHost(cache);
        FelixPluginRuntime runtime = platform.pluginRuntime(host, store)) {
      PluginDeployment deployment =
          new PluginDeployment(
              store, manifests, runtime, new PermissionCatalog(), Clock.systemUTC());
      deployment.deploy(bundle);
      FlywayPluginMigrations migrations =
          new FlywayPluginMigrations(
              TestPlatform.database().clusters(), TestPlatform.installationRoles());
      PluginInstallations installations =
          new PluginInstallations(
              failingOnInstall,
              deployment,
              manifests,
              platform.roles,
              migrations,
              Clock.systemUTC(),
              ExtensionPoints.NONE,
              QuotaGuard.NONE,
              platform.leases);

      assertThatThrownBy(() -> installations.install(tenant, id, "{}"))
          .hasMessageContaining("injected");

      assertThat(store.installation(tenant.id(), id)).isEmpty();
      assertThat(migrations.hasTables(tenant, id)).isFalse();
      assertThat(platform.roles.get(tenant, "admin").permissions()).doesNotContain(id + ":x:read");
      deployment.remove(id);
    }
  }

  /**
   * A node dies after an installation's migrations and grants, before its row: the client saw a
   * broken connection. Once the node's lease expired another node undoes the installation, so that
   * the client's retry installs it from nothing.
   */
  @Test
  void anInstallationLeftHalfDoneByADeadNodeIsUndoneByAnother(@TempDir Path cache) {
    TestPlatform platform = TestPlatform.create();
    TenantRef tenant = platform.activeTenant("instdied");
    String id = "died-" + UUID.randomUUID().toString().substring(0, 8);
    try (Node dying = new Node(platform, cache.resolve("a"), "install");
        Node survivor = new Node(platform, cache.resolve("b"), null)) {
      dying.deployment.deploy(codeless(id, "1.0.0", Map.of("V1__items.sql", ITEMS)));

      assertThatThrownBy(() -> dying.installations.install(tenant, id, "{}"))
          .isInstanceOf(NodeDied.class);
      assertThat(dying.migrations.hasTables(tenant, id)).as("the dead node's tables").isTrue();
      String subject = PluginInstallations.subject(tenant, id);
      survivor.settle();
      assertThat(dying.migrations.hasTables(tenant, id)).as("untouched while leased").isTrue();

      TestPlatform.expireLease(PluginInstallations.INSTALLATION_LEASE, subject);
      survivor.settle();

      assertThat(survivor.store.installation(tenant.id(), id)).isEmpty();
      assertThat(survivor.migrations.hasTables(tenant, id)).isFalse();
      assertThat(platform.roles.get(tenant, "admin").permissions()).doesNotContain(id + ":x:read");
      assertThat(platform.leases.subjects(PluginInstallations.INSTALLATION_LEASE))
          .doesNotContain(subject);
      survivor.installations.install(tenant, id, "{}");
      assertThat(survivor.migrations.hasTables(tenant, id)).isTrue();
      assertThat(platform.roles.get(tenant, "admin").permissions()).contains(id + ":x:read");
    }
  }

  /**
   * A node dies after an upgrade's migrations ran, before the installation's row moved: another
   * node finishes the upgrade (migrations do not go back), so tables and row agree again.
   */
  @Test
  void anUpgradeLeftHalfDoneByADeadNodeIsFinishedByAnother(@TempDir Path cache) {
    TestPlatform platform = TestPlatform.create();
    TenantRef tenant = platform.activeTenant("updied");
    String id = "updied-" + UUID.randomUUID().toString().substring(0, 8);
    try (Node dying = new Node(platform, cache.resolve("a"), "updateInstallation");
        Node survivor = new Node(platform, cache.resolve("b"), null)) {
      dying.deployment.deploy(codeless(id, "1.0.0", Map.of("V1__items.sql", ITEMS)));
      dying.installations.install(tenant, id, "{}");
      dying.deployment.deploy(
          codeless(
              id,
              "2.0.0",
              Map.of("V1__items.sql", ITEMS, "V2__labels.sql", "CREATE TABLE labels (id int);")));

      assertThatThrownBy(
              () -> dying.installations.upgrade(tenant, id, java.util.Optional.of("2.0.0")))
          .isInstanceOf(NodeDied.class);
      assertThat(survivor.store.installation(tenant.id(), id).orElseThrow().pluginVersion())
          .isEqualTo("1.0.0");

      TestPlatform.expireLease(
          PluginInstallations.INSTALLATION_LEASE, PluginInstallations.subject(tenant, id));
      survivor.settle();

      assertThat(survivor.store.installation(tenant.id(), id).orElseThrow().pluginVersion())
          .isEqualTo("2.0.0");
      assertThat(TestPlatform.tablesOf(tenant.schemaName()))
          .anyMatch(table -> table.endsWith("labels"));
    }
  }

  private static final String ITEMS = "CREATE TABLE items (id int);";

  /** A plugin without code: a manifest, a plugin.json with one permission, its migrations. */
  private static byte[] codeless(String id, String version, Map<String, String> migrations) {
    Map<String, String> entries = new java.util.HashMap<>();
    entries.put(
        PluginManifest.LOCATION,
        "{\"id\":\""
            + id
            + "\",\"version\":\""
            + version
            + "\",\"name\":\"N\",\"vendor\":\"T\",\"sdk\":\"[1.0,2)\","
            + "\"permissions\":[{\"name\":\""
            + id
            + ":x:read\",\"description\":\"x\"}]}");
    migrations.forEach(
        (name, sql) -> entries.put(PluginManifest.DEFAULT_MIGRATIONS + "/" + name, sql));
    return TestBundles.jar(
        Map.of(
            "Bundle-ManifestVersion",
            "2",
            "Bundle-SymbolicName",
            "test." + id,
            "Bundle-Version",
            version),
        entries);
  }

  /** What a node's death looks like from inside its thread: nothing after it runs or undoes. */
  private static final class NodeDied extends Error {
    private static final long serialVersionUID = 1L;
  }

  /**
   * One node of the platform: its own Felix, its own leases; with {@code dyingAt}, the node dies
   * when its plugin store is asked to do that operation.
   */
  private static final class Node implements AutoCloseable {
    final PluginStore store;
    final FelixHost host;
    final FelixPluginRuntime runtime;
    final PluginDeployment deployment;
    final FlywayPluginMigrations migrations;
    final PluginInstallations installations;
    final WorkLeases leases;
    final InstallationRecovery recovery;

    Node(TestPlatform platform, Path cache, String dyingAt) {
      PluginStore real = new JpaPluginStore(TestPlatform.database());
      store = dyingAt == null ? real : intercepted(real, dyingAt, NodeDied::new);
      host = new FelixHost(cache);
      runtime = platform.pluginRuntime(host, real);
      ManifestReader manifests = new ManifestReader();
      deployment =
          new PluginDeployment(
              real, manifests, runtime, new PermissionCatalog(), Clock.systemUTC());
      migrations =
          new FlywayPluginMigrations(
              TestPlatform.database().clusters(), TestPlatform.installationRoles());
      leases =
          new WorkLeases(
              TestPlatform.database(), "node-" + UUID.randomUUID(), Duration.ofMinutes(5));
      installations =
          new PluginInstallations(
              store,
              deployment,
              manifests,
              platform.roles,
              migrations,
              Clock.systemUTC(),
              ExtensionPoints.NONE,
              QuotaGuard.NONE,
              leases);
      recovery = new InstallationRecovery(installations, platform.tenants, leases);
    }

    void settle() {
      LeaseKeeper.settle(leases, recovery);
    }

    @Override
    public void close() {
      runtime.close();
      host.close();
    }
  }

  private static PluginStore failing(PluginStore real, String operation) {
    return intercepted(
        real, operation, () -> new IllegalStateException("injected failure in " + operation));
  }

  private static PluginStore intercepted(
      PluginStore real, String operation, java.util.function.Supplier<Throwable> failure) {
    return (PluginStore)
        Proxy.newProxyInstance(
            PluginStore.class.getClassLoader(),
            new Class<?>[] {PluginStore.class},
            (proxy, method, args) -> {
              if (method.getName().equals(operation)) {
                throw failure.get();
              }
              try {
                return method.invoke(real, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
