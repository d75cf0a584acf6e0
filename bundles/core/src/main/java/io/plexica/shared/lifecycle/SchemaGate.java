package io.plexica.shared.lifecycle;

import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Holds work on a tenant schema until the schema is upgraded: a start does not wait for thousands
 * of tenant schemas to be migrated, it holds the ones that are behind and migrates them in the
 * background, and the first unit of work that needs one of them before its turn runs its upgrade
 * itself (or waits for whoever runs it). A schema not held costs one map look-up.
 *
 * <p>An upgrade that fails answers 503 {@link #SCHEMA_UNAVAILABLE} to the work waiting on it and to
 * what comes in the next {@link #RETRY_AFTER_NANOS}; the next unit of work after that tries again,
 * so a database that was briefly unreachable does not leave a tenant shut until the next start.
 */
@ApplicationScoped
public class SchemaGate {
  public static final ProblemType SCHEMA_UNAVAILABLE =
      new ProblemType(
          "tenant-data-unavailable", 503, "The organization's data is not available right now");

  static final long RETRY_AFTER_NANOS = 30_000_000_000L;

  private final Map<String, Held> held = new ConcurrentHashMap<>();
  private final LongSupplier nanoTime;

  public SchemaGate() {
    this(System::nanoTime);
  }

  SchemaGate(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /**
   * Work on {@code schema} waits from now on until {@code upgrade} has run once without failing.
   */
  public void hold(String schema, Runnable upgrade) {
    held.put(schema, new Held(schema, upgrade));
  }

  /**
   * Returns once {@code schema} may be used: at once when it is not held, else after its upgrade
   * ran, on this thread when nobody runs it yet.
   */
  public void enter(String schema) {
    Held upgrade = held.get(schema);
    if (upgrade != null) {
      upgrade.await();
    }
  }

  /** How many schemas still wait for their upgrade. */
  public int heldCount() {
    return held.size();
  }

  private final class Held {
    private final String schema;
    private final Runnable upgrade;
    private CompletableFuture<Void> attempt;
    private long failedAt;

    Held(String schema, Runnable upgrade) {
      this.schema = schema;
      this.upgrade = upgrade;
    }

    void await() {
      CompletableFuture<Void> current;
      boolean mine = false;
      synchronized (this) {
        if (attempt == null
            || (attempt.isCompletedExceptionally()
                && nanoTime.getAsLong() - failedAt >= RETRY_AFTER_NANOS)) {
          attempt = new CompletableFuture<>();
          mine = true;
        }
        current = attempt;
      }
      if (mine) {
        run(current);
      }
      try {
        current.join();
      } catch (CompletionException e) {
        throw new ProblemException(
            SCHEMA_UNAVAILABLE,
            "This organization's data could not be brought up to date with the platform's new"
                + " version; it is tried again within a minute, and operators find the reason in"
                + " the platform's log.",
            e.getCause());
      }
    }

    private void run(CompletableFuture<Void> current) {
      try {
        upgrade.run();
        held.remove(schema, this);
        current.complete(null);
      } catch (RuntimeException e) {
        synchronized (this) {
          failedAt = nanoTime.getAsLong();
        }
        current.completeExceptionally(e);
      }
    }
  }
}
