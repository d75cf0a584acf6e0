package io.plexica.shared.lifecycle;

import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a start-up task until it succeeds, pausing between attempts: a dependency (database,
 * identity provider) that is not reachable yet delays readiness instead of failing the deployment.
 */
public final class StartupRetry {
  private static final Logger LOG = Logger.getLogger(StartupRetry.class.getName());

  private StartupRetry() {}

  /** Returns when {@code task} succeeded or the thread was interrupted. */
  public static void untilDone(
      String what, Runnable task, Consumer<String> onFailure, long pauseMillis) {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        task.run();
        return;
      } catch (RuntimeException e) {
        onFailure.accept(e.getMessage());
        LOG.log(Level.WARNING, what + " failed; retrying in " + pauseMillis + " ms", e);
        try {
          Thread.sleep(pauseMillis);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}
