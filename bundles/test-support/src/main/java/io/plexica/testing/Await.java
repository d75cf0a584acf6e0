package io.plexica.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Waiting for what another thread, node or service does, with a deadline that fails the test and
 * says what did not happen. Shared by the core's tests, the black-box and in-container tests.
 */
public final class Await {
  private static final Duration IN_PROCESS = Duration.ofMillis(5);

  private Await() {}

  /** Waits up to 5 s for {@code condition}, asking every 5 ms (for what happens in the process). */
  public static void until(BooleanSupplier condition, String what) {
    until(condition, what, Duration.ofSeconds(5));
  }

  public static void until(BooleanSupplier condition, String what, Duration within) {
    until(condition, what, within, IN_PROCESS);
  }

  /**
   * Waits up to {@code within} for {@code condition}, asking every {@code every} (longer for a
   * condition that costs a request).
   */
  public static void until(
      BooleanSupplier condition, String what, Duration within, Duration every) {
    Instant deadline = Instant.now().plus(within);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "Timed out after " + within.toSeconds() + " s waiting for " + what);
      }
      try {
        Thread.sleep(every.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted waiting for " + what, e);
      }
    }
  }
}
