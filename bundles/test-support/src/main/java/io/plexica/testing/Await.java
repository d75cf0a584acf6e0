package io.plexica.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

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
    if (!latest(condition::getAsBoolean, done -> done, within, every)) {
      throw new AssertionError("Timed out after " + within.toSeconds() + " s waiting for " + what);
    }
  }

  /**
   * Asks {@code attempt} every {@code every} until what it gives is {@code done}, for up to {@code
   * within}, and returns the last thing it gave either way: the test's own assertion then says what
   * it saw instead of only that time ran out.
   */
  public static <T> T latest(
      Supplier<T> attempt, Predicate<? super T> done, Duration within, Duration every) {
    Instant deadline = Instant.now().plus(within);
    T value = attempt.get();
    while (!done.test(value) && Instant.now().isBefore(deadline)) {
      try {
        Thread.sleep(every.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted while waiting", e);
      }
      value = attempt.get();
    }
    return value;
  }
}
