package io.plexica.tenancy.app;

import io.plexica.tenancy.domain.Tenant;
import io.plexica.tenancy.domain.TenantRepository;
import io.plexica.tenancy.domain.TenantStatus;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Brings the database to the version this build expects at start-up: {@code plexica_core} first,
 * then every live tenant schema, several at a time. Readiness reports its progress, and the
 * platform takes traffic only once it is done.
 */
public class SchemaUpgrade {
  private static final Logger LOG = Logger.getLogger(SchemaUpgrade.class.getName());

  private final TenantSchemas schemas;
  private final TenantRepository tenants;
  private final int parallelism;

  private volatile boolean coreDone;
  private volatile boolean tenantsDone;
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
    coreDone = true;
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
    tenantsDone = true;
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
    return coreDone && tenantsDone;
  }

  public boolean isCoreDone() {
    return coreDone;
  }

  /** Waits until the core schema is migrated: what background work started at boot needs first. */
  public void awaitCore() throws InterruptedException {
    while (!coreDone) {
      Thread.sleep(200);
    }
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
