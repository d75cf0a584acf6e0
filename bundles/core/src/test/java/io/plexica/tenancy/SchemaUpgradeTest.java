package io.plexica.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plexica.tenancy.app.SchemaUpgrade;
import io.plexica.testing.TestPlatform;
import io.plexica.testing.UsesServices;
import java.util.concurrent.CompletableFuture;
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

  @AfterEach
  void stop() {
    oneThread.shutdownNow();
  }

  @Test
  void workChainedToTheSchemasRunsAfterThemOnTheSameSingleThread() throws Exception {
    SchemaUpgrade upgrade = new SchemaUpgrade(platform.schemas, platform.tenants, 2);
    AtomicBoolean coreSeenMigrated = new AtomicBoolean();
    AtomicBoolean allSeenMigrated = new AtomicBoolean();
    CompletableFuture<Void> afterCore =
        upgrade.afterCore(
            "core reader", oneThread, () -> coreSeenMigrated.set(upgrade.isCoreDone()));
    CompletableFuture<Void> afterAll =
        upgrade.afterAll(
            "tenant reader", oneThread, () -> allSeenMigrated.set(upgrade.isComplete()));
    assertThat(afterCore).isNotDone();
    assertThat(afterAll).isNotDone();

    oneThread.submit(upgrade::run);

    CompletableFuture.allOf(afterCore, afterAll).get(5, TimeUnit.MINUTES);
    assertThat(coreSeenMigrated).isTrue();
    assertThat(allSeenMigrated).isTrue();
  }

  @Test
  void aFailingChainedTaskFailsItsOwnStageOnly() throws Exception {
    SchemaUpgrade upgrade = new SchemaUpgrade(platform.schemas, platform.tenants, 2);
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
}
