package io.plexica.tenancy.app;

import io.plexica.shared.lifecycle.SchemaGate;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.tenancy.domain.TenantRepository;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Brings the database to the version this build expects at start-up: {@code plexica_core} first,
 * then the tenant schemas that are behind. Which ones are behind is one query (each tenant's
 * placement records the version its schema reached), so a start with every schema current costs the
 * same at 5 tenants as at 5,000. The behind ones are held at the {@link SchemaGate} and migrated in
 * the background, several at a time; the platform takes traffic as soon as the core is migrated,
 * and a request for a tenant still behind upgrades that tenant first. Work that needs the core
 * schema is chained to it with {@link #afterCore} rather than waiting on a thread: start-up tasks
 * that sleep-wait on the shared executor can take every thread the upgrade itself needs.
 */
public class SchemaUpgrade {
  private static final Logger LOG = Logger.getLogger(SchemaUpgrade.class.getName());

  private final TenantSchemas schemas;
  private final TenantRepository tenants;
  private final SchemaGate gate;
  private final int parallelism;

  private final CompletableFuture<Void> core = new CompletableFuture<>();
  private final CompletableFuture<Void> all = new CompletableFuture<>();
  private volatile String lastError;
  private final AtomicInteger tenantsBehind = new AtomicInteger();
  private final AtomicInteger tenantsMigrated = new AtomicInteger();
  private final Set<UUID> tenantsFailing = ConcurrentHashMap.newKeySet();

  public SchemaUpgrade(
      TenantSchemas schemas, TenantRepository tenants, SchemaGate gate, int parallelism) {
    this.schemas = schemas;
    this.tenants = tenants;
    this.gate = gate;
    this.parallelism = Math.max(1, parallelism);
  }

  /**
   * Migrates the core schema, holds the tenant schemas that are behind, and then migrates them; a
   * tenant that fails is logged, counted, and tried again by its next request after a while.
   */
  public void run() {
    upgradeHeld(holdBehind());
  }

  /**
   * Migrates the core schema and holds every live tenant schema that is behind at the {@link
   * SchemaGate}; from here on the platform may serve, and work on a held schema upgrades it first.
   */
  public List<TenantRef> holdBehind() {
    schemas.migrateCore();
    int target = schemas.tenantVersion();
    List<TenantRef> behind = tenants.behindSchema(target).stream().map(TenantRef::of).toList();
    for (TenantRef tenant : behind) {
      gate.hold(tenant.schemaName(), () -> migrate(tenant, target));
    }
    tenantsBehind.set(behind.size());
    core.complete(null);
    LOG.info(
        behind.isEmpty()
            ? "Every tenant schema is at version " + target
            : behind.size()
                + " tenant schema(s) behind version "
                + target
                + ": upgrading them in the background; a request for one upgrades it first");
    return behind;
  }

  /** Upgrades the held schemas, several at a time, those that no request upgraded first. */
  public void upgradeHeld(List<TenantRef> behind) {
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.min(parallelism, Math.max(1, behind.size())));
    try {
      for (TenantRef tenant : behind) {
        pool.submit(() -> upgradeInBackground(tenant.schemaName()));
      }
      pool.shutdown();
      if (!pool.awaitTermination(1, TimeUnit.HOURS)) {
        throw new IllegalStateException("Tenant schema migrations did not finish within an hour");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while migrating tenant schemas", e);
    } finally {
      pool.shutdownNow();
    }
    all.complete(null);
    LOG.info(
        "Tenant schemas upgraded in the background: "
            + tenantsMigrated.get()
            + " migrated, "
            + tenantsFailing.size()
            + " failing");
  }

  private void upgradeInBackground(String schema) {
    try {
      gate.enter(schema);
    } catch (RuntimeException e) {
      // migrate() logged and counted it; the tenant's next request tries again.
    }
  }

  private void migrate(TenantRef tenant, int target) {
    try {
      schemas.migrate(tenant.database());
      tenants.recordSchemaVersion(tenant.id(), target);
      tenantsFailing.remove(tenant.id());
      tenantsMigrated.incrementAndGet();
    } catch (RuntimeException e) {
      tenantsFailing.add(tenant.id());
      LOG.log(Level.SEVERE, "Migrating the schema of tenant " + tenant.slug() + " failed", e);
      throw e;
    }
  }

  public void recordFailure(String error) {
    lastError = error;
  }

  /** Whether the background upgrade of the schemas that were behind at the start is over. */
  public boolean isBackgroundDone() {
    return all.isDone();
  }

  public boolean isCoreDone() {
    return core.isDone();
  }

  /** Runs {@code work} on {@code executor} once the core schema is migrated. */
  public CompletableFuture<Void> afterCore(String what, Executor executor, Runnable work) {
    return core.thenRunAsync(logged(what, work), executor);
  }

  /** A chained stage swallows what it throws; this one says so in the log. */
  private static Runnable logged(String what, Runnable work) {
    return () -> {
      try {
        work.run();
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, what + " failed to start", e);
        throw e;
      }
    };
  }

  /** The tenant schemas that were behind at the start. */
  public int tenantsBehind() {
    return tenantsBehind.get();
  }

  public int tenantsMigrated() {
    return tenantsMigrated.get();
  }

  /** The tenant schemas whose latest upgrade failed. */
  public int tenantsFailing() {
    return tenantsFailing.size();
  }

  public String lastError() {
    return lastError;
  }
}
