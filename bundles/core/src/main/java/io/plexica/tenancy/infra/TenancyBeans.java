package io.plexica.tenancy.infra;

import io.plexica.shared.hooks.ExtensionPoints;
import io.plexica.shared.lease.ExpiredWork;
import io.plexica.shared.lease.WorkLeases;
import io.plexica.shared.persistence.Database;
import io.plexica.tenancy.app.ActiveTenants;
import io.plexica.tenancy.app.DatabaseMoves;
import io.plexica.tenancy.app.DatabasePlacement;
import io.plexica.tenancy.app.IdentityHomeMoves;
import io.plexica.tenancy.app.IdentityMoves;
import io.plexica.tenancy.app.IdentityPlacement;
import io.plexica.tenancy.app.MoveRecovery;
import io.plexica.tenancy.app.ProvisioningExecutor;
import io.plexica.tenancy.app.ProvisioningRecovery;
import io.plexica.tenancy.app.ProvisioningSaga;
import io.plexica.tenancy.app.ProvisioningStep;
import io.plexica.tenancy.app.QuotaGuard;
import io.plexica.tenancy.app.SchemaUpgrade;
import io.plexica.tenancy.app.TenantLifecycleListener;
import io.plexica.tenancy.app.TenantSchemas;
import io.plexica.tenancy.app.TenantService;
import io.plexica.tenancy.domain.IdentityHome;
import io.plexica.tenancy.domain.ProvisioningLog;
import io.plexica.tenancy.domain.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.JedisPooled;

/**
 * Wires the tenancy services, which are plain classes so that tests can build them without a
 * container. Every {@link ProvisioningStep} bean of any feature joins the saga.
 */
@ApplicationScoped
public class TenancyBeans {

  @Produces
  @Singleton
  ProvisioningSaga saga(
      @Any Instance<ProvisioningStep> steps,
      TenantRepository tenants,
      ProvisioningLog log,
      Clock clock,
      ExtensionPoints extensions) {
    return new ProvisioningSaga(steps.stream().toList(), tenants, log, clock, extensions);
  }

  @Produces
  @Singleton
  QuotaGuard quotaGuard(TenantRepository tenants) {
    return QuotaGuard.of(tenants);
  }

  @Produces
  @Singleton
  IdentityPlacement identityPlacement(
      TenantRepository tenants,
      @ConfigProperty(name = "plexica.tenancy.identity-home", defaultValue = "REALM")
          IdentityHome.Kind identityHome,
      @ConfigProperty(name = "plexica.tenancy.shared-realm-capacity", defaultValue = "500")
          int sharedRealmCapacity) {
    return new IdentityPlacement(tenants, identityHome, sharedRealmCapacity);
  }

  @Produces
  @Singleton
  DatabasePlacement databasePlacement(
      Database database,
      @ConfigProperty(name = "plexica.tenancy.database-cluster", defaultValue = "main")
          String databaseCluster) {
    return new DatabasePlacement(database.clusters().ids(), databaseCluster);
  }

  @Produces
  @Singleton
  TenantService tenantService(
      TenantRepository tenants,
      ProvisioningLog log,
      ProvisioningSaga saga,
      ProvisioningExecutor executor,
      TenantSchemas schemas,
      @Any Instance<TenantLifecycleListener> listeners,
      WorkLeases leases,
      ActiveTenants active,
      Clock clock,
      IdentityPlacement identityPlacement,
      DatabasePlacement databasePlacement) {
    return new TenantService(
        tenants,
        log,
        saga,
        executor,
        schemas,
        listeners.stream().toList(),
        leases,
        active,
        clock,
        identityPlacement,
        databasePlacement);
  }

  @Produces
  @Singleton
  ActiveTenants activeTenants(JedisPooled redis) {
    return RedisActiveTenants.standard(redis);
  }

  void closeActiveTenants(@Disposes ActiveTenants active) {
    if (active instanceof RedisActiveTenants redisActive) {
      redisActive.close();
    }
  }

  /** Provisioning that a dead node left half-done is taken over by the other nodes. */
  @Produces
  @Singleton
  ExpiredWork provisioningRecovery(TenantService tenants) {
    return new ProvisioningRecovery(tenants);
  }

  @Produces
  @Singleton
  DatabaseMoves databaseMoves(
      TenantRepository tenants,
      Database database,
      TenantSchemas schemas,
      @Any Instance<TenantLifecycleListener> listeners,
      WorkLeases leases,
      ProvisioningExecutor executor,
      Clock clock,
      DatabasePlacement placement) {
    return new DatabaseMoves(
        tenants,
        new JdbcDatabaseMoveLog(database.dataSource()),
        schemas,
        listeners.stream().toList(),
        placement,
        leases,
        executor,
        clock);
  }

  @Produces
  @Singleton
  IdentityMoves identityMoves(
      TenantRepository tenants,
      Database database,
      IdentityHomeMoves homes,
      IdentityPlacement placement,
      WorkLeases leases,
      ProvisioningExecutor executor,
      Clock clock) {
    return new IdentityMoves(
        tenants,
        new JdbcIdentityMoveLog(database.dataSource()),
        homes,
        placement,
        leases,
        executor,
        clock);
  }

  /** An identity move that a dead node left half-done is settled by the other nodes. */
  @Produces
  @Singleton
  ExpiredWork identityMoveRecovery(IdentityMoves moves) {
    return MoveRecovery.of(moves);
  }

  /** A move that a dead node left half-done is settled by the other nodes. */
  @Produces
  @Singleton
  ExpiredWork databaseMoveRecovery(DatabaseMoves moves) {
    return MoveRecovery.of(moves);
  }

  @Produces
  @Singleton
  SchemaUpgrade schemaUpgrade(
      TenantSchemas schemas,
      TenantRepository tenants,
      Database database,
      @ConfigProperty(name = "plexica.tenancy.migration-parallelism", defaultValue = "4")
          int parallelism) {
    return new SchemaUpgrade(schemas, tenants, database.schemaGate(), parallelism);
  }
}
