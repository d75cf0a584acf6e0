package io.plexica.shared.lifecycle;

import static io.plexica.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Work on a schema a start has not upgraded yet waits for exactly one upgrade of it. */
class SchemaGateTest {
  private final AtomicLong now = new AtomicLong();
  private final SchemaGate gate = new SchemaGate(now::get);

  @Test
  void aSchemaNotHeldIsEnteredAtOnce() {
    AtomicInteger upgrades = new AtomicInteger();
    gate.hold("tenant_other", upgrades::incrementAndGet);

    gate.enter("tenant_acme");

    assertThat(upgrades).hasValue(0);
    assertThat(gate.heldCount()).isEqualTo(1);
  }

  @Test
  void concurrentWorkOnAHeldSchemaWaitsForOneUpgradeThenGoesStraightIn() throws Exception {
    AtomicInteger upgrades = new AtomicInteger();
    CountDownLatch upgrading = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    gate.hold(
        "tenant_acme",
        () -> {
          upgrades.incrementAndGet();
          upgrading.countDown();
          await(release);
        });
    ExecutorService callers = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> entered = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        entered.add(callers.submit(() -> gate.enter("tenant_acme")));
      }
      assertThat(upgrading.await(10, TimeUnit.SECONDS)).isTrue();
      Thread.sleep(50);
      assertThat(entered).as("no one passes while the upgrade runs").noneMatch(Future::isDone);

      release.countDown();
      for (Future<?> call : entered) {
        call.get(10, TimeUnit.SECONDS);
      }
    } finally {
      callers.shutdownNow();
    }
    gate.enter("tenant_acme");
    assertThat(upgrades).hasValue(1);
    assertThat(gate.heldCount()).isZero();
  }

  @Test
  void aFailedUpgradeAnswers503UntilItsRetryTimeThenTheNextUnitOfWorkTriesAgain() {
    AtomicInteger attempts = new AtomicInteger();
    gate.hold(
        "tenant_acme",
        () -> {
          if (attempts.incrementAndGet() == 1) {
            throw new IllegalStateException("database went away");
          }
        });

    assertProblem(() -> gate.enter("tenant_acme"), SchemaGate.SCHEMA_UNAVAILABLE);
    now.addAndGet(SchemaGate.RETRY_AFTER_NANOS - 1);
    assertProblem(
        () -> gate.enter("tenant_acme"), SchemaGate.SCHEMA_UNAVAILABLE, "tried again within");
    assertThat(attempts).as("no retry before its time").hasValue(1);

    now.addAndGet(1);
    gate.enter("tenant_acme");
    assertThat(attempts).hasValue(2);
    assertThat(gate.heldCount()).isZero();
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("not released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
