package io.plexica.testing;

import io.plexica.identity.app.PermissionCatalog;
import io.plexica.plugins.app.PluginCallGuard;
import io.plexica.plugins.app.PluginCallMetrics;
import io.plexica.plugins.app.PluginCalls;
import io.plexica.plugins.app.PluginDeployment;
import io.plexica.plugins.app.PluginInstallations;
import io.plexica.plugins.app.PluginLibraries;
import io.plexica.plugins.app.PluginRouter;
import io.plexica.plugins.domain.PluginProblems;
import io.plexica.plugins.domain.PluginStore;
import io.plexica.plugins.infra.CachingPluginStore;
import io.plexica.plugins.infra.FelixHost;
import io.plexica.plugins.infra.FelixLibraries;
import io.plexica.plugins.infra.FelixPluginRuntime;
import io.plexica.plugins.infra.FlywayPluginMigrations;
import io.plexica.plugins.infra.JpaLibraryStore;
import io.plexica.plugins.infra.JpaPluginStore;
import io.plexica.plugins.infra.ManifestReader;
import io.plexica.shared.hooks.ExtensionPoints;
import io.plexica.shared.problem.ProblemException;
import io.plexica.tenancy.app.QuotaGuard;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.osgi.framework.Bundle;

/**
 * A node's plugin host on the test run's services, wired as in production (Felix, the registry in
 * PostgreSQL with installations kept in memory, installations with their migrations and roles,
 * routes, calls between plugins), for tests and benchmarks that drive plugins without a server.
 */
public final class PluginNode implements AutoCloseable {
  public final FelixHost host;
  public final PluginStore store;
  private final CachingPluginStore caching;
  public final FelixPluginRuntime runtime;
  public final PluginDeployment deployment;
  public final PluginLibraries libraries;
  public final PluginInstallations installations;
  public final PluginCallGuard guard;
  public final PluginRouter router;
  public final PluginCalls calls;

  public PluginNode(TestPlatform platform, PluginCallMetrics metrics) throws IOException {
    host = new FelixHost(Files.createTempDirectory("plexica-plugin-node"));
    caching =
        new CachingPluginStore(new JpaPluginStore(TestPlatform.database()), TestPlatform.redis());
    store = caching;
    runtime = platform.pluginRuntime(host, store);
    ManifestReader manifests = new ManifestReader();
    deployment =
        new PluginDeployment(store, manifests, runtime, new PermissionCatalog(), Clock.systemUTC());
    libraries =
        new PluginLibraries(
            new JpaLibraryStore(TestPlatform.database()),
            new FelixLibraries(host),
            Clock.systemUTC(),
            deployment::registeredPackages);
    installations =
        new PluginInstallations(
            store,
            deployment,
            manifests,
            platform.roles,
            new FlywayPluginMigrations(
                TestPlatform.database().clusters(), TestPlatform.installationRoles()),
            Clock.systemUTC(),
            ExtensionPoints.NONE,
            QuotaGuard.NONE,
            platform.leases);
    guard =
        new PluginCallGuard(
            Executors.newFixedThreadPool(4),
            Duration.ofSeconds(5),
            5,
            Duration.ofSeconds(30),
            Clock.systemUTC());
    router = new PluginRouter(installations, runtime, deployment, guard);
    calls = new PluginCalls(store, deployment, guard, router, metrics);
    runtime.mediate(calls);
  }

  /** Deploys the bundle; a version an earlier run deployed on the same database is kept. */
  public void deployOnce(byte[] bundle) {
    try {
      deployment.deploy(bundle);
    } catch (ProblemException e) {
      if (!e.type().equals(PluginProblems.VERSION_EXISTS)) {
        throw e;
      }
    }
  }

  /** The running bundle of a plugin (of its first version found). */
  public Bundle bundleOf(String pluginId) {
    for (Bundle bundle : host.context().getBundles()) {
      if (bundle.getLocation().startsWith("plexica:plugin/" + pluginId + "/")) {
        return bundle;
      }
    }
    throw new IllegalStateException("No bundle of " + pluginId);
  }

  @Override
  public void close() {
    guard.close();
    runtime.close();
    host.close();
    caching.close();
  }
}
