package io.plexica.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.plexica.plugins.domain.PluginInstallation;
import io.plexica.plugins.domain.PluginManifest;
import io.plexica.plugins.infra.CachingPluginStore;
import io.plexica.plugins.infra.JpaPluginStore;
import io.plexica.plugins.infra.ManifestReader;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.testing.Await;
import io.plexica.testing.TestBundles;
import io.plexica.testing.TestPlatform;
import io.plexica.testing.UsesServices;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Installations cached on two nodes sharing PostgreSQL and Redis: a change on one is seen by the
 * other from its next lookup (once the invalidation arrived), never an old answer kept.
 */
@UsesServices
class CachingPluginStoreTest {

  @Test
  void anUninstallOnOneNodeReachesTheOther() throws Exception {
    TestPlatform platform = TestPlatform.create();
    TenantRef tenant = platform.activeTenant("cache");
    String id = "cache-" + UUID.randomUUID().toString().substring(0, 8);
    byte[] bundle =
        TestBundles.withEntries(
            TestBundles.sample("faulty"),
            Map.of(
                PluginManifest.LOCATION,
                "{\"id\":\""
                    + id
                    + "\",\"version\":\"1.0.0\",\"name\":\"C\",\"vendor\":\"T\","
                    + "\"sdk\":\"[1.0,2)\"}"));
    JpaPluginStore database = new JpaPluginStore(TestPlatform.database());
    database.saveVersion(new ManifestReader().read(bundle), bundle, "0".repeat(64), Instant.now());
    try (CachingPluginStore nodeA = new CachingPluginStore(database, TestPlatform.redis());
        CachingPluginStore nodeB = new CachingPluginStore(database, TestPlatform.redis())) {
      Await.until(() -> lookupIsCached(nodeA, nodeB), "both nodes listening");
      nodeA.install(new PluginInstallation(tenant.id(), id, "1.0.0", "{}", Instant.now()));
      assertThat(nodeB.installation(tenant.id(), id)).isPresent();
      assertThat(nodeB.installation(tenant.id(), id)).isPresent();

      nodeA.uninstall(tenant.id(), id);

      assertThat(nodeA.installation(tenant.id(), id)).isEmpty();
      Await.until(() -> nodeB.installation(tenant.id(), id).isEmpty(), "B forgot the installation");
    } finally {
      database.delete(id);
    }
  }

  /** Both nodes subscribed: an installation lookup is kept. */
  private static boolean lookupIsCached(CachingPluginStore a, CachingPluginStore b) {
    return a.listening() && b.listening();
  }
}
