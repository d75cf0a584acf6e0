package io.plexica.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waiting for what another thread, node or service does, with a deadline that fails the test. */
public final class Await {
  private Await() {}

  /** Waits up to 5 s for {@code condition}. */
  public static void until(BooleanSupplier condition, String what) {
    until(condition, what, Duration.ofSeconds(5));
  }

  public static void until(BooleanSupplier condition, String what, Duration within) {
    Instant deadline = Instant.now().plus(within);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "Timed out after " + within.toSeconds() + " s waiting for " + what);
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
