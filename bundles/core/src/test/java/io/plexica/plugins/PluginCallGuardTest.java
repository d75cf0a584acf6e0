package io.plexica.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plexica.plugins.app.PluginCallGuard;
import io.plexica.plugins.domain.PluginProblems;
import io.plexica.sdk.PluginProblem;
import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.problem.ProblemType;
import io.plexica.testing.Await;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the guard makes of plugin code that answers, fails, hangs or keeps failing. */
class PluginCallGuardTest {
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final MutableClock clock = new MutableClock();
  private final PluginCallGuard guard =
      new PluginCallGuard(executor, Duration.ofMillis(200), 3, Duration.ofSeconds(30), clock);

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  private static final class MutableClock extends Clock {
    Instant now = Instant.parse("2026-11-26T00:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private void assertProblem(Runnable call, ProblemType type) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.type()).isEqualTo(type));
  }

  private static io.plexica.sdk.CallContext context() {
    return new io.plexica.sdk.CallContext(
        java.util.UUID.randomUUID(),
        "acme",
        java.util.Optional.empty(),
        java.util.Optional.empty(),
        java.util.Set.of(),
        java.util.Optional.empty(),
        jakarta.json.JsonValue.EMPTY_JSON_OBJECT);
  }

  /**
   * A call from inside another plugin's call runs on the caller's thread with the callee's context
   * issued for its length; past the time limit the thread is interrupted, the call ends as a
   * timeout counted against the callee, and the thread is left without the interrupt.
   */
  @Test
  void anInlineCallRunsOnTheCallersThreadAndIsInterruptedAtItsLimit() {
    io.plexica.sdk.CallContext context = context();
    Thread caller = Thread.currentThread();
    assertThat(
            guard.inline(
                "crm",
                context,
                () ->
                    Thread.currentThread() == caller
                        && io.plexica.plugins.app.CallContexts.SHARED.isIssued("crm", context)))
        .isTrue();
    assertThat(io.plexica.plugins.app.CallContexts.SHARED.isIssued("crm", context)).isFalse();

    AtomicBoolean interrupted = new AtomicBoolean();
    assertProblem(
        () ->
            guard.inline(
                "slow",
                context(),
                () -> {
                  try {
                    Thread.sleep(5_000);
                  } catch (InterruptedException e) {
                    interrupted.set(true);
                    throw e;
                  }
                  return "late";
                }),
        PluginProblems.PLUGIN_TIMEOUT);
    assertThat(interrupted).isTrue();
    assertThat(Thread.currentThread().isInterrupted())
        .as("the alarm's interrupt is cleared")
        .isFalse();
  }

  @Test
  void inlineFailuresOpenTheCalleesBreaker() {
    for (int i = 0; i < 3; i++) {
      assertProblem(
          () ->
              guard.inline(
                  "broken",
                  context(),
                  () -> {
                    throw new IllegalStateException("bug");
                  }),
          PluginProblems.PLUGIN_FAILED);
    }
    assertProblem(
        () -> guard.inline("broken", context(), () -> "ok"), PluginProblems.PLUGIN_UNAVAILABLE);
    assertThat(guard.inline("other", context(), () -> "ok")).isEqualTo("ok");
  }

  @Test
  void anAnswerPassesThrough() {
    assertThat(guard.call("p", () -> "ok")).isEqualTo("ok");
  }

  @Test
  void aPluginProblemKeepsItsStatusUnderThePluginsOwnType() {
    assertThatThrownBy(
            () ->
                guard.call(
                    "crm",
                    () -> {
                      throw PluginProblem.notFound("contact-not-found", "No contact 7");
                    }))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.type().status()).isEqualTo(404);
              assertThat(e.type().uri().toString())
                  .isEqualTo("https://plexica.io/problems/plugins/crm/contact-not-found");
              assertThat(e.getMessage()).isEqualTo("No contact 7");
            });
  }

  @Test
  void anExceptionBecomesAFailureNamingThePlugin() {
    assertThatThrownBy(
            () ->
                guard.call(
                    "crm",
                    () -> {
                      throw new IllegalStateException("boom");
                    }))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.type()).isEqualTo(PluginProblems.PLUGIN_FAILED);
              assertThat(e.getMessage()).contains("crm").doesNotContain("boom");
            });
  }

  @Test
  void aHangingCallIsAbandonedAtItsLimitAndInterrupted() {
    AtomicBoolean interrupted = new AtomicBoolean();
    long start = System.nanoTime();
    assertProblem(
        () ->
            guard.call(
                "slow",
                () -> {
                  try {
                    Thread.sleep(60_000);
                  } catch (InterruptedException e) {
                    interrupted.set(true);
                  }
                  return null;
                }),
        PluginProblems.PLUGIN_TIMEOUT);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    Await.until(interrupted::get, "the call interrupted");
  }

  @Test
  void repeatedFailuresOpenTheBreakerUntilItsRestIsOver() {
    for (int i = 0; i < 3; i++) {
      assertProblem(
          () ->
              guard.call(
                  "flaky",
                  () -> {
                    throw new IllegalStateException();
                  }),
          PluginProblems.PLUGIN_FAILED);
    }
    AtomicBoolean ran = new AtomicBoolean();
    assertProblem(
        () ->
            guard.call(
                "flaky",
                () -> {
                  ran.set(true);
                  return "ok";
                }),
        PluginProblems.PLUGIN_UNAVAILABLE);
    assertThat(ran).as("an open breaker does not call the plugin").isFalse();
    assertThat(guard.call("other", () -> "ok"))
        .as("other plugins are not affected")
        .isEqualTo("ok");

    clock.now = clock.now.plusSeconds(31);
    assertThat(guard.call("flaky", () -> "ok")).isEqualTo("ok");
  }
}
