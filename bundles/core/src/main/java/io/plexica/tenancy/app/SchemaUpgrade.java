package io.plexica.tenancy.app;

import io.plexica.tenancy.domain.Tenant;
import io.plexica.tenancy.domain.TenantRepository;
import io.plexica.tenancy.domain.TenantStatus;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Brings the database to the version this build expects at start-up: {@code plexica_core} first,
 * then every live tenant schema, several at a time. Readiness reports its progress, and the
 * platform takes traffic only once it is done. Work that needs the schemas is chained to them with
 * {@link #afterCore} and {@link #afterAll} rather than waiting on a thread: start-up tasks that
 * sleep-wait on the shared executor can take every thread the upgrade itself needs.
 */
public class SchemaUpgrade {
  private static final Logger LOG = Logger.getLogger(SchemaUpgrade.class.getName());

  private final TenantSchemas schemas;
  private final TenantRepository tenants;
  private final int parallelism;

  private final CompletableFuture<Void> core = new CompletableFuture<>();
  private final CompletableFuture<Void> all = new CompletableFuture<>();
  private volatile String lastError;
  private final AtomicInteger tenantsTotal = new AtomicInteger();
  private final AtomicInteger tenantsMigrated = new AtomicInteger();
  private final AtomicInteger tenantsFailed = new AtomicInteger();

  public SchemaUpgrade(TenantSchemas schemas, TenantRepository tenants, int parallelism) {
    this.schemas = schemas;
    this.tenants = tenants;
    this.parallelism = Math.max(1, parallelism);
  }

  /**
   * Migrates the core schema, then the tenant schemas; a tenant that fails is logged and counted.
   */
  public void run() {
    schemas.migrateCore();
    core.complete(null);
    List<Tenant> live = tenants.withStatus(EnumSet.of(TenantStatus.ACTIVE, TenantStatus.SUSPENDED));
    tenantsTotal.set(live.size());
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.min(parallelism, Math.max(1, live.size())));
    try {
      for (Tenant tenant : live) {
        pool.submit(() -> migrate(tenant));
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
        "Schemas are up to date: "
            + tenantsMigrated.get()
            + " tenant(s) migrated, "
            + tenantsFailed.get()
            + " failed");
  }

  private void migrate(Tenant tenant) {
    try {
      schemas.migrate(tenant.schemaName());
      tenantsMigrated.incrementAndGet();
    } catch (RuntimeException e) {
      tenantsFailed.incrementAndGet();
      LOG.log(Level.SEVERE, "Migrating the schema of tenant " + tenant.slug() + " failed", e);
    }
  }

  public void recordFailure(String error) {
    lastError = error;
  }

  public boolean isComplete() {
    return all.isDone();
  }

  public boolean isCoreDone() {
    return core.isDone();
  }

  /** Runs {@code work} on {@code executor} once the core schema is migrated. */
  public CompletableFuture<Void> afterCore(String what, Executor executor, Runnable work) {
    return core.thenRunAsync(logged(what, work), executor);
  }

  /** Runs {@code work} on {@code executor} once the core and every tenant schema are migrated. */
  public CompletableFuture<Void> afterAll(String what, Executor executor, Runnable work) {
    return all.thenRunAsync(logged(what, work), executor);
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

  public int tenantsTotal() {
    return tenantsTotal.get();
  }

  public int tenantsMigrated() {
    return tenantsMigrated.get();
  }

  public int tenantsFailed() {
    return tenantsFailed.get();
  }

  public String lastError() {
    return lastError;
  }
}
