package io.plexica.plugins.infra;

import io.plexica.identity.app.PermissionCatalog;
import io.plexica.identity.app.RoleService;
import io.plexica.plugins.app.InstallationRecovery;
import io.plexica.plugins.app.PluginCallGuard;
import io.plexica.plugins.app.PluginCalls;
import io.plexica.plugins.app.PluginDeployment;
import io.plexica.plugins.app.PluginHooks;
import io.plexica.plugins.app.PluginInstallations;
import io.plexica.plugins.app.PluginLibraries;
import io.plexica.plugins.app.PluginManifests;
import io.plexica.plugins.app.PluginMigrations;
import io.plexica.plugins.app.PluginRouter;
import io.plexica.plugins.app.PluginRuntime;
import io.plexica.plugins.app.PluginServiceDirectory;
import io.plexica.plugins.app.PluginUi;
import io.plexica.plugins.domain.PluginStore;
import io.plexica.shared.hooks.ExtensionPoints;
import io.plexica.shared.lease.ExpiredWork;
import io.plexica.shared.lease.WorkLeases;
import io.plexica.shared.persistence.Database;
import io.plexica.storage.app.TenantStorage;
import io.plexica.tenancy.app.ActiveTenants;
import io.plexica.tenancy.app.QuotaGuard;
import io.plexica.tenancy.domain.TenantRepository;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import redis.clients.jedis.JedisPooled;

/**
 * The plugin host's parts, configured through MicroProfile Config: {@code plexica.plugins.work-dir}
 * (Felix's bundle cache, scratch space), {@code plexica.plugins.call-timeout-ms}, {@code
 * plexica.plugins.call-threads}.
 */
@ApplicationScoped
public class PluginBeans {
  /** Dev mode's secret for the installations' database passwords: refused outside dev mode. */
  static final String DEV_DB_SECRET = "plexica-dev-plugin-db-secret-not-for-production";

  @Resource ManagedExecutorService executor;
  @Resource ManagedThreadFactory threads;

  @Produces
  @Singleton
  FelixHost felix(@ConfigProperty(name = "plexica.plugins.work-dir") Optional<String> workDir) {
    Path cache =
        workDir.isEmpty()
            ? Path.of(
                System.getProperty("java.io.tmpdir"),
                "plexica-felix-" + ProcessHandle.current().pid())
            : Path.of(workDir.get(), "felix-cache");
    return new FelixHost(cache);
  }

  @Produces
  @Singleton
  PluginStore store(Database database, JedisPooled redis) {
    return new CachingPluginStore(new JpaPluginStore(database), redis);
  }

  void closeStore(@Disposes PluginStore store) {
    if (store instanceof CachingPluginStore caching) {
      caching.close();
    }
  }

  @Produces
  @Singleton
  InstallationRoles installationRoles(
      Database database,
      @ConfigProperty(name = "plexica.plugins.db-secret") Optional<String> secret) {
    return new InstallationRoles(
        database.clusters(), secret.filter(s -> !s.isBlank()).orElse(DEV_DB_SECRET));
  }

  @Produces
  @Singleton
  PluginRuntime runtime(
      FelixHost host,
      Database database,
      InstallationRoles roles,
      TenantRepository tenants,
      PluginStore store,
      TenantStorage storage,
      ActiveTenants changes) {
    return new FelixPluginRuntime(
        host,
        new JdbcPluginData(roles, tenants, store, changes),
        new PluginFileStore(storage, store),
        new PluginEventPublisher(database.dataSource(), store));
  }

  @Produces
  @Singleton
  PluginLibraries libraries(
      FelixHost host, Database database, Clock clock, PluginDeployment deployment) {
    return new PluginLibraries(
        new JpaLibraryStore(database),
        new FelixLibraries(host),
        clock,
        deployment::registeredPackages);
  }

  @Produces
  @Singleton
  PluginMigrations migrations(Database database, InstallationRoles roles) {
    return new FlywayPluginMigrations(database.clusters(), roles);
  }

  @Produces
  @Singleton
  PluginManifests manifests() {
    return new ManifestReader();
  }

  @Produces
  @Singleton
  PluginDeployment deployment(
      PluginStore store,
      PluginManifests manifests,
      PluginRuntime runtime,
      PermissionCatalog catalog,
      Clock clock,
      @ConfigProperty(name = "plexica.plugins.replace-in-place", defaultValue = "false")
          boolean replaceInPlace) {
    return new PluginDeployment(store, manifests, runtime, catalog, clock, replaceInPlace);
  }

  @Produces
  @Singleton
  PluginUi ui(PluginStore store, PluginDeployment deployment) {
    return new PluginUi(store, deployment);
  }

  @Produces
  @Singleton
  PluginInstallations installations(
      PluginStore store,
      PluginDeployment deployment,
      PluginManifests manifests,
      RoleService roles,
      PluginMigrations migrations,
      Clock clock,
      ExtensionPoints extensions,
      QuotaGuard quotas,
      WorkLeases leases) {
    return new PluginInstallations(
        store, deployment, manifests, roles, migrations, clock, extensions, quotas, leases);
  }

  /** Installations and upgrades that a dead node left half-done are settled by the others. */
  @Produces
  @Singleton
  ExpiredWork installationRecovery(
      PluginInstallations installations, TenantRepository tenants, WorkLeases leases) {
    return new InstallationRecovery(installations, tenants, leases);
  }

  /**
   * Plugin calls (routes and hooks) run on threads of their own, {@code
   * plexica.plugins.call-threads} at most, and may take five seconds at most; five failures in a
   * row rest a plugin for 30 seconds. Not on the server's executor: a request thread waits for its
   * plugin call, and when request threads filled that executor under load, the calls they waited
   * for queued behind them until they timed out.
   */
  @Produces
  @Singleton
  PluginCallGuard guard(
      Clock clock,
      @ConfigProperty(name = "plexica.plugins.call-timeout-ms", defaultValue = "5000") long timeout,
      @ConfigProperty(name = "plexica.plugins.call-threads", defaultValue = "32") int callThreads) {
    ThreadPoolExecutor calls =
        new ThreadPoolExecutor(
            callThreads, callThreads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
    calls.allowCoreThreadTimeOut(true);
    return new PluginCallGuard(calls, Duration.ofMillis(timeout), 5, Duration.ofSeconds(30), clock);
  }

  void stopCalls(@Disposes PluginCallGuard guard) {
    guard.close();
  }

  @Produces
  @Singleton
  PluginRouter router(
      PluginInstallations installations,
      PluginRuntime runtime,
      PluginDeployment deployment,
      PluginCallGuard guard) {
    return new PluginRouter(installations, runtime, deployment, guard);
  }

  /**
   * Calls between plugins (services and gateway); made at start with the plugin host, so that the
   * first call a plugin makes can reach another.
   */
  @Produces
  @Singleton
  PluginCalls calls(
      PluginStore store,
      PluginDeployment deployment,
      PluginCallGuard guard,
      PluginRouter router,
      PluginRuntime runtime,
      MetricRegistry registry) {
    PluginCalls calls =
        new PluginCalls(store, deployment, guard, router, new MpPluginCallMetrics(registry));
    runtime.mediate(calls);
    return calls;
  }

  @Produces
  @Singleton
  PluginServiceDirectory serviceDirectory(
      PluginInstallations installations, PluginDeployment deployment, PluginRuntime runtime) {
    return new PluginServiceDirectory(installations, deployment, runtime);
  }

  /** The platform's extension points, delivered to plugins' hook handlers. */
  @Produces
  @Singleton
  ExtensionPoints extensionPoints(PluginRuntime runtime, PluginStore store, PluginCallGuard guard) {
    return new PluginHooks(runtime, store, guard, executor);
  }

  void stopRuntime(@Disposes PluginRuntime runtime) {
    if (runtime instanceof FelixPluginRuntime felix) {
      felix.close();
    }
  }

  void stopFelix(@Disposes FelixHost host) {
    host.close();
  }
}
