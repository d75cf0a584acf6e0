package io.plexica.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plexica.shared.persistence.Database;
import io.plexica.shared.placement.SchemaAddress;
import io.plexica.tenancy.app.SchemaUpgrade;
import io.plexica.tenancy.app.TenantSchemas;
import io.plexica.tenancy.domain.Tenant;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.testing.TestPlatform;
import io.plexica.testing.UsesServices;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Start-up work that needs the schemas runs after them without holding a thread while it waits: on
 * an executor with a single thread, work chained before the upgrade starts still lets the upgrade
 * run and then runs itself (a rolling restart under load once left a replica unready for minutes
 * because four sleeping waiters held every thread of Liberty's executor).
 */
@UsesServices
class SchemaUpgradeTest {
  private final TestPlatform platform = TestPlatform.create();
  private final ExecutorService oneThread = Executors.newSingleThreadExecutor();
  private final Database database = TestPlatform.database();

  @AfterEach
  void stop() {
    oneThread.shutdownNow();
  }

  @Test
  void workChainedToTheSchemasRunsAfterThemOnTheSameSingleThread() throws Exception {
    SchemaUpgrade upgrade = upgrade(platform.schemas);
    AtomicBoolean coreSeenMigrated = new AtomicBoolean();
    CompletableFuture<Void> afterCore =
        upgrade.afterCore(
            "core reader", oneThread, () -> coreSeenMigrated.set(upgrade.isCoreDone()));
    assertThat(afterCore).isNotDone();

    oneThread.submit(upgrade::run);

    afterCore.get(5, TimeUnit.MINUTES);
    assertThat(coreSeenMigrated).isTrue();
  }

  /**
   * A start reads which tenants are behind from their placement and serves at once; the first unit
   * of work of a tenant behind upgrades its schema on the spot, and the background upgrade that
   * comes later does not migrate it again. A provisioned tenant is current and is not held.
   */
  @Test
  void aTenantBehindIsUpgradedByItsFirstUnitOfWorkAndOnlyOnce() {
    TenantRef behind = platform.activeTenant("behind");
    TenantRef current = platform.activeTenant("current");
    int version = platform.schemas.tenantVersion();
    assertThat(schemaVersion(behind)).as("recorded by provisioning").isEqualTo(version);
    // The schema as a build without any tenant migration left it.
    platform.schemas.drop(behind.database());
    platform.schemas.create(behind.database());
    setSchemaVersion(behind, 0);
    Map<String, List<String>> migrations = new ConcurrentHashMap<>();
    SchemaUpgrade upgrade = upgrade(recording(platform.schemas, migrations));

    List<TenantRef> held = upgrade.holdBehind();

    assertThat(held).extracting(TenantRef::id).contains(behind.id()).doesNotContain(current.id());
    assertThat(upgrade.isCoreDone()).isTrue();
    long workspaces =
        database.readTenant(
            behind.database(),
            em -> (Long) em.createQuery("SELECT count(w) FROM Workspace w").getSingleResult());
    assertThat(workspaces).isZero();
    assertThat(migrations.get(behind.schemaName()))
        .as("migrated by the unit of work's own thread")
        .containsExactly(Thread.currentThread().getName());
    assertThat(schemaVersion(behind)).isEqualTo(version);

    upgrade.upgradeHeld(held);

    assertThat(migrations.get(behind.schemaName())).hasSize(1);
    assertThat(migrations).doesNotContainKey(current.schemaName());
    assertThat(upgrade.isBackgroundDone()).isTrue();
    assertThat(upgrade.tenantsFailing()).isZero();
    assertThat(platform.tenants.behindSchema(version))
        .extracting(Tenant::id)
        .doesNotContain(behind.id());
  }

  @Test
  void aFailingChainedTaskFailsItsOwnStageOnly() throws Exception {
    SchemaUpgrade upgrade = upgrade(platform.schemas);
    CompletableFuture<Void> failing =
        upgrade.afterCore(
            "broken starter",
            oneThread,
            () -> {
              throw new IllegalStateException("broken");
            });
    AtomicBoolean otherRan = new AtomicBoolean();
    CompletableFuture<Void> other = upgrade.afterCore("other", oneThread, () -> otherRan.set(true));

    oneThread.submit(upgrade::run);

    other.get(5, TimeUnit.MINUTES);
    assertThat(otherRan).isTrue();
    assertThatThrownBy(() -> failing.get(1, TimeUnit.MINUTES))
        .hasRootCauseInstanceOf(IllegalStateException.class)
        .hasRootCauseMessage("broken");
  }

  private SchemaUpgrade upgrade(TenantSchemas schemas) {
    return new SchemaUpgrade(schemas, platform.tenants, database.schemaGate(), 2);
  }

  /** {@code schemas}, recording which thread migrated each schema. */
  private static TenantSchemas recording(
      TenantSchemas schemas, Map<String, List<String>> migrations) {
    return (TenantSchemas)
        Proxy.newProxyInstance(
            TenantSchemas.class.getClassLoader(),
            new Class<?>[] {TenantSchemas.class},
            (proxy, method, args) -> {
              if (method.getName().equals("migrate")) {
                migrations
                    .computeIfAbsent(
                        ((SchemaAddress) args[0]).schema(), s -> new CopyOnWriteArrayList<>())
                    .add(Thread.currentThread().getName());
              }
              try {
                return method.invoke(schemas, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  private static int schemaVersion(TenantRef tenant) {
    return Integer.parseInt(
        TestPlatform.strings(
                "SELECT CAST(schema_version AS text) FROM plexica_core.tenant_placement"
                    + " WHERE tenant_id = CAST(? AS uuid)",
                tenant.id().toString())
            .get(0));
  }

  private void setSchemaVersion(TenantRef tenant, int version) {
    database.inCoreDo(
        em ->
            em.createNativeQuery(
                    "UPDATE plexica_core.tenant_placement SET schema_version = ?1"
                        + " WHERE tenant_id = ?2")
                .setParameter(1, version)
                .setParameter(2, tenant.id())
                .executeUpdate());
  }
}
