package io.plexica.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plexica.identity.app.PermissionCatalog;
import io.plexica.plugins.app.PluginDeployment;
import io.plexica.plugins.app.PluginInstallations;
import io.plexica.plugins.domain.PluginManifest;
import io.plexica.plugins.domain.PluginStore;
import io.plexica.plugins.infra.FelixHost;
import io.plexica.plugins.infra.FelixPluginRuntime;
import io.plexica.plugins.infra.FlywayPluginMigrations;
import io.plexica.plugins.infra.JdbcPluginData;
import io.plexica.plugins.infra.JpaPluginStore;
import io.plexica.plugins.infra.ManifestReader;
import io.plexica.plugins.infra.PluginEventPublisher;
import io.plexica.plugins.infra.PluginFileStore;
import io.plexica.shared.hooks.ExtensionPoints;
import io.plexica.tenancy.app.QuotaGuard;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.testing.TestBundles;
import io.plexica.testing.TestPlatform;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An installation that fails after the plugin's migrations ran leaves nothing: no installation, no
 * tables of the plugin in the tenant's schema, no permission in the tenant's roles.
 */
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
        FelixPluginRuntime runtime =
            new FelixPluginRuntime(
                host,
                new JdbcPluginData(TestPlatform.installationRoles(), platform.tenants, store),
                new PluginFileStore(platform.storage, store),
                new PluginEventPublisher(TestPlatform.database().dataSource(), store))) {
      PluginDeployment deployment =
          new PluginDeployment(
              store, manifests, runtime, new PermissionCatalog(), Clock.systemUTC());
      deployment.deploy(bundle);
      FlywayPluginMigrations migrations =
          new FlywayPluginMigrations(
              TestPlatform.database().dataSource(), TestPlatform.installationRoles());
      PluginInstallations installations =
          new PluginInstallations(
              failingOnInstall,
              deployment,
              manifests,
              platform.roles,
              migrations,
              Clock.systemUTC(),
              ExtensionPoints.NONE,
              QuotaGuard.NONE);

      assertThatThrownBy(() -> installations.install(tenant, id, "{}"))
          .hasMessageContaining("injected");

      assertThat(store.installation(tenant.id(), id)).isEmpty();
      assertThat(migrations.hasTables(tenant, id)).isFalse();
      assertThat(platform.roles.get(tenant, "admin").permissions()).doesNotContain(id + ":x:read");
      deployment.remove(id);
    }
  }

  private static PluginStore failing(PluginStore real, String operation) {
    return (PluginStore)
        Proxy.newProxyInstance(
            PluginStore.class.getClassLoader(),
            new Class<?>[] {PluginStore.class},
            (proxy, method, args) -> {
              if (method.getName().equals(operation)) {
                throw new IllegalStateException("injected failure in " + operation);
              }
              try {
                return method.invoke(real, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
