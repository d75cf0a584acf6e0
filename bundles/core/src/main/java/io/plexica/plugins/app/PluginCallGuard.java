package io.plexica.plugins.app;

import io.plexica.plugins.domain.PluginProblems;
import io.plexica.sdk.CallContext;
import io.plexica.sdk.PluginProblem;
import io.plexica.sdk.service.ServiceUnavailable;
import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.problem.ProblemType;
import io.plexica.shared.resilience.Breakers;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
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

  /** Interrupts inline calls at their time limit; one thread, as it only raises flags. */
  private final ScheduledThreadPoolExecutor timer;

  public PluginCallGuard(
      ExecutorService executor,
      Duration timeLimit,
      int failuresToOpen,
      Duration openFor,
      Clock clock) {
    this.executor = executor;
    this.timeLimit = timeLimit;
    this.breakers = new Breakers(failuresToOpen, openFor, clock);
    this.timer = new ScheduledThreadPoolExecutor(1, PluginCallGuard::alarmThread);
    timer.setRemoveOnCancelPolicy(true);
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
    requireAwake(pluginId);
    Future<T> future = executor.submit(work);
    try {
      T result = future.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
      breakers.succeeded(pluginId);
      return result;
    } catch (TimeoutException e) {
      future.cancel(true);
      throw timedOut(pluginId, e);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new ProblemException(PluginProblems.PLUGIN_TIMEOUT, "The call was interrupted.", e);
    } catch (ExecutionException e) {
      throw failure(pluginId, e.getCause());
    }
  }

  /**
   * Calls a plugin from inside another plugin's call, on the caller's thread: that thread already
   * runs under the caller's time limit, and handing the call to the pool would let callers waiting
   * for their callees fill it. The callee's breaker applies, and after the callee's time limit the
   * thread is interrupted and the call ends as a timeout (code that ignores interrupts runs on
   * until the caller's own limit abandons it).
   */
  public <T> T inline(String pluginId, CallContext context, Callable<T> work) {
    requireAwake(pluginId);
    CallContexts.Withdrawal issued = CallContexts.SHARED.issue(pluginId, context);
    Deadline deadline = new Deadline(Thread.currentThread());
    java.util.concurrent.ScheduledFuture<?> alarm =
        timer.schedule(deadline::expire, timeLimit.toMillis(), TimeUnit.MILLISECONDS);
    T result;
    try {
      result = work.call();
    } catch (Exception e) {
      boolean inTime = deadline.met();
      throw inTime ? failure(pluginId, e) : timedOut(pluginId, e);
    } finally {
      alarm.cancel(false);
      issued.close();
    }
    if (!deadline.met()) {
      throw timedOut(pluginId, null);
    }
    breakers.succeeded(pluginId);
    return result;
  }

  /** Whether a call finished before its alarm, decided once; the alarm interrupts a late one. */
  private static final class Deadline {
    private final Thread thread;
    private final java.util.concurrent.atomic.AtomicBoolean decided =
        new java.util.concurrent.atomic.AtomicBoolean();
    private volatile boolean expired;

    Deadline(Thread thread) {
      this.thread = thread;
    }

    void expire() {
      if (decided.compareAndSet(false, true)) {
        expired = true;
        thread.interrupt();
      }
    }

    /** True when the call ended in time; after an expiry, clears the interrupt it caused. */
    boolean met() {
      if (decided.compareAndSet(false, true)) {
        return true;
      }
      if (expired) {
        Thread.interrupted();
      }
      return !expired;
    }
  }

  private void requireAwake(String pluginId) {
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
  }

  private ProblemException timedOut(String pluginId, Throwable cause) {
    failed(pluginId);
    return new ProblemException(
        PluginProblems.PLUGIN_TIMEOUT,
        "Plugin '" + pluginId + "' did not answer within " + timeLimit.toMillis() + " ms.",
        cause);
  }

  /**
   * What a plugin's exception becomes: its own problem under its name, a platform problem as it is
   * (neither counts against it), anything else a failure of the plugin.
   */
  private RuntimeException failure(String pluginId, Throwable cause) {
    if (cause instanceof PluginProblem problem) {
      breakers.succeeded(pluginId);
      return new ProblemException(
          new ProblemType(
              "plugins/" + pluginId + "/" + problem.type(), problem.status(), "Plugin " + pluginId),
          problem.getMessage() == null ? problem.type() : problem.getMessage(),
          problem);
    }
    if (cause instanceof ProblemException platformProblem) {
      breakers.succeeded(pluginId);
      return platformProblem;
    }
    if (cause instanceof ServiceUnavailable unavailable) {
      // Another plugin was out of reach: the caller let it through, which is not its failure.
      breakers.succeeded(pluginId);
      return new ProblemException(
          PluginProblems.SERVICE_UNAVAILABLE, unavailable.getMessage(), unavailable);
    }
    failed(pluginId);
    // The problem mapper logs the cause with the error id it gives the client.
    return new ProblemException(
        PluginProblems.PLUGIN_FAILED,
        "Plugin '" + pluginId + "' failed while handling the request.",
        cause);
  }

  /** Stops the calls' threads; a call still running is interrupted. */
  @Override
  public void close() {
    executor.shutdownNow();
    timer.shutdownNow();
  }

  private static Thread alarmThread(Runnable alarm) {
    Thread thread = new Thread(alarm, "plexica-plugin-call-alarm");
    thread.setDaemon(true);
    return thread;
  }

  private void failed(String pluginId) {
    breakers
        .failed(pluginId)
        .ifPresent(until -> LOG.warning("Plugin " + pluginId + " breaker open until " + until));
  }
}
