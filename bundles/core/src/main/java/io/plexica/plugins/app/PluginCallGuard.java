package io.plexica.plugins.app;

import io.plexica.plugins.domain.PluginProblems;
import io.plexica.sdk.CallContext;
import io.plexica.sdk.PluginProblem;
import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.problem.ProblemType;
import io.plexica.shared.resilience.Breakers;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * Contains what plugin code does to a request: a call runs on another thread and is abandoned
 * (interrupted) after its time limit; an exception becomes a problem naming the plugin; and after
 * {@code failuresToOpen} failures in a row a plugin's breaker opens, so its calls fail fast with
 * 503 for {@code openFor} before one call may try again.
 */
public class PluginCallGuard implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(PluginCallGuard.class.getName());

  private final ExecutorService executor;
  private final Duration timeLimit;
  private final Breakers breakers;

  public PluginCallGuard(
      ExecutorService executor,
      Duration timeLimit,
      int failuresToOpen,
      Duration openFor,
      Clock clock) {
    this.executor = executor;
    this.timeLimit = timeLimit;
    this.breakers = new Breakers(failuresToOpen, openFor, clock);
  }

  /**
   * Calls the plugin with a context issued to it for this call only: the plugin may hand it back to
   * the platform's services while the call runs, never after (see {@link CallContexts}).
   */
  public <T> T call(String pluginId, CallContext context, Callable<T> work) {
    CallContexts.Withdrawal issued = CallContexts.SHARED.issue(pluginId, context);
    try {
      return call(pluginId, work);
    } finally {
      issued.close();
    }
  }

  public <T> T call(String pluginId, Callable<T> work) {
    breakers
        .restingUntil(pluginId)
        .ifPresent(
            until -> {
              throw new ProblemException(
                  PluginProblems.PLUGIN_UNAVAILABLE,
                  "Plugin '"
                      + pluginId
                      + "' failed "
                      + breakers.failuresToOpen()
                      + " times in a row; it rests until "
                      + until
                      + ".");
            });
    Future<T> future = executor.submit(work);
    try {
      T result = future.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
      breakers.succeeded(pluginId);
      return result;
    } catch (TimeoutException e) {
      future.cancel(true);
      failed(pluginId);
      throw new ProblemException(
          PluginProblems.PLUGIN_TIMEOUT,
          "Plugin '" + pluginId + "' did not answer within " + timeLimit.toMillis() + " ms.",
          e);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new ProblemException(PluginProblems.PLUGIN_TIMEOUT, "The call was interrupted.", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof PluginProblem problem) {
        breakers.succeeded(pluginId);
        throw new ProblemException(
            new ProblemType(
                "plugins/" + pluginId + "/" + problem.type(),
                problem.status(),
                "Plugin " + pluginId),
            problem.getMessage() == null ? problem.type() : problem.getMessage(),
            problem);
      }
      if (cause instanceof ProblemException platformProblem) {
        breakers.succeeded(pluginId);
        throw platformProblem;
      }
      failed(pluginId);
      // The problem mapper logs the cause with the error id it gives the client.
      throw new ProblemException(
          PluginProblems.PLUGIN_FAILED,
          "Plugin '" + pluginId + "' failed while handling the request.",
          cause);
    }
  }

  /** Stops the calls' threads; a call still running is interrupted. */
  @Override
  public void close() {
    executor.shutdownNow();
  }

  private void failed(String pluginId) {
    breakers
        .failed(pluginId)
        .ifPresent(until -> LOG.warning("Plugin " + pluginId + " breaker open until " + until));
  }
}
