package io.plexica.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.plexica.events.infra.KafkaSettings;
import io.plexica.events.infra.OutboxRelay;
import io.plexica.identity.app.PermissionCatalog;
import io.plexica.plugins.app.PluginDeployment;
import io.plexica.plugins.app.PluginLibraries;
import io.plexica.plugins.domain.PluginManifest;
import io.plexica.plugins.domain.PluginStore;
import io.plexica.plugins.infra.FelixHost;
import io.plexica.plugins.infra.FelixLibraries;
import io.plexica.plugins.infra.FelixPluginRuntime;
import io.plexica.plugins.infra.JpaLibraryStore;
import io.plexica.plugins.infra.JpaPluginStore;
import io.plexica.plugins.infra.ManifestReader;
import io.plexica.plugins.infra.PluginRegistryFollower;
import io.plexica.testing.Await;
import io.plexica.testing.TestBundles;
import io.plexica.testing.TestPlatform;
import io.plexica.testing.UsesServices;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas share the registry (the test run's PostgreSQL) and Kafka, each with its own Felix:
 * what one deploys, upgrades or removes, the other starts and stops by following the registry's
 * events, and the permissions it knows and the library bundles it installs follow too.
 */
@UsesServices
class PluginRegistryFollowerTest {

  @Test
  void aReplicaRunsWhatAnotherDeploysAndStopsWhatItRemoves(
      @TempDir Path cacheA, @TempDir Path cacheB) throws Exception {
    TestPlatform platform = TestPlatform.create();
    String id = "follow-" + UUID.randomUUID().toString().substring(0, 8);
    PluginStore store = new JpaPluginStore(TestPlatform.database());
    KafkaSettings kafka = new KafkaSettings(TestPlatform.kafkaBootstrapServers());
    PermissionCatalog permissionsOfB = new PermissionCatalog();
    try (FelixHost hostA = new FelixHost(cacheA);
        FelixHost hostB = new FelixHost(cacheB);
        FelixPluginRuntime replicaA = runtime(hostA, platform, store);
        FelixPluginRuntime replicaB = runtime(hostB, platform, store);
        OutboxRelay relay = TestPlatform.startRelay(TestPlatform.kafkaBootstrapServers())) {
      PluginDeployment deployedByA = deployment(store, replicaA, new PermissionCatalog());
      PluginDeployment followingOnB = deployment(store, replicaB, permissionsOfB);
      PluginLibraries librariesOfA = libraries(hostA);
      FelixLibraries libraryRuntimeOfB = new FelixLibraries(hostB);
      try (PluginRegistryFollower follower =
          new PluginRegistryFollower(
                  kafka,
                  followingOnB,
                  new PluginLibraries(
                      new JpaLibraryStore(TestPlatform.database()),
                      libraryRuntimeOfB,
                      Clock.systemUTC(),
                      followingOnB::registeredPackages),
                  Duration.ofHours(1))
              .start()) {
        Await.until(
            () -> follower.listening() && relay.leader(),
            "B listening, A relaying",
            Duration.ofSeconds(30));

        deployedByA.deploy(bundle(id, "1.0.0"));
        Await.until(
            () -> replicaB.activeVersions(id).equals(Set.of("1.0.0")),
            "1.0.0 running on B",
            Duration.ofSeconds(30));
        assertThat(permissionsOfB.knows(id + ":things:read")).isTrue();

        deployedByA.deploy(bundle(id, "1.1.0"));
        // Nobody installed 1.0.0: the new current version replaces it on both replicas.
        Await.until(
            () -> replicaB.activeVersions(id).equals(Set.of("1.1.0")),
            "1.1.0 alone on B",
            Duration.ofSeconds(30));
        assertThat(replicaA.activeVersions(id)).containsExactly("1.1.0");

        deployedByA.remove(id);
        // Stopped, then its permissions forgotten: wait for both, the second comes a moment later.
        Await.until(
            () ->
                replicaB.activeVersions(id).isEmpty() && !permissionsOfB.knows(id + ":things:read"),
            "the plugin and its permissions gone from B",
            Duration.ofSeconds(30));
        assertThat(replicaB.activeVersions(id)).isEmpty();

        // A library, then a plugin importing it: B installs the library before it starts the
        // plugin, and uninstalls it once A removed both.
        String library = "org.example.follow" + id.substring("follow-".length());
        librariesOfA.add(
            TestBundles.library(library, "1.0.0", library + ";version=\"1.0.0\"", null));
        String user = id + "-user";
        deployedByA.deploy(
            TestBundles.plugin(
                user, "1.0.0", "", Map.of("Import-Package", library + ";version=\"[1,2)\"")));
        Await.until(
            () -> replicaB.activeVersions(user).equals(Set.of("1.0.0")),
            "the library's user running on B",
            Duration.ofSeconds(30));
        assertThat(libraryRuntimeOfB.users(library, "1.0.0")).hasSize(1);
        deployedByA.remove(user);
        librariesOfA.remove(library, "1.0.0");
        Await.until(
            () -> !libraryRuntimeOfB.installed().contains(library + "@1.0.0"),
            "the library gone from B",
            Duration.ofSeconds(30));
      }
    }
  }

  private static PluginLibraries libraries(FelixHost host) {
    return new PluginLibraries(
        new JpaLibraryStore(TestPlatform.database()),
        new FelixLibraries(host),
        Clock.systemUTC(),
        java.util.Map::of);
  }

  /**
   * A replica that missed the events (it was not listening) catches up with its periodic check of
   * the whole registry.
   */
  @Test
  void aReplicaThatMissedAnEventCatchesUpByCheckingTheRegistry(
      @TempDir Path cacheA, @TempDir Path cacheB) throws Exception {
    TestPlatform platform = TestPlatform.create();
    String id = "catchup-" + UUID.randomUUID().toString().substring(0, 8);
    PluginStore store = new JpaPluginStore(TestPlatform.database());
    try (FelixHost hostA = new FelixHost(cacheA);
        FelixHost hostB = new FelixHost(cacheB);
        FelixPluginRuntime replicaA = runtime(hostA, platform, store);
        FelixPluginRuntime replicaB = runtime(hostB, platform, store)) {
      PluginDeployment deployedByA = deployment(store, replicaA, new PermissionCatalog());
      deployedByA.deploy(bundle(id, "1.0.0"));
      PluginDeployment followingOnB = deployment(store, replicaB, new PermissionCatalog());
      try (PluginRegistryFollower follower =
          new PluginRegistryFollower(
                  new KafkaSettings(TestPlatform.kafkaBootstrapServers()),
                  followingOnB,
                  libraries(hostB),
                  Duration.ofSeconds(1))
              .start()) {
        Await.until(
            () -> replicaB.activeVersions(id).equals(Set.of("1.0.0")),
            "1.0.0 running on B",
            Duration.ofSeconds(30));
        assertThat(follower.listening()).isTrue();
      } finally {
        deployedByA.remove(id);
      }
    }
  }

  private static PluginDeployment deployment(
      PluginStore store, FelixPluginRuntime runtime, PermissionCatalog catalog) {
    return new PluginDeployment(store, new ManifestReader(), runtime, catalog, Clock.systemUTC());
  }

  private static FelixPluginRuntime runtime(
      FelixHost host, TestPlatform platform, PluginStore store) {
    return platform.pluginRuntime(host, store);
  }

  private static byte[] bundle(String id, String version) {
    return TestBundles.withEntries(
        TestBundles.sample("analytics"),
        Map.of(
            PluginManifest.LOCATION,
            "{\"id\":\""
                + id
                + "\",\"version\":\""
                + version
                + "\",\"name\":\"Follow\",\"vendor\":\"Tests\",\"sdk\":\"[1.0,2)\","
                + "\"permissions\":[{\"name\":\""
                + id
                + ":things:read\",\"description\":\"Read things\"}]}"));
  }
}
