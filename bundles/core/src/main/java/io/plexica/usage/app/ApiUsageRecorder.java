package io.plexica.usage.app;

import io.plexica.usage.domain.LatencyHistogram;
import io.plexica.usage.domain.UsageStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts every API call of this replica in memory, per hour, and hands the counts to the store on
 * {@link #flush} (every few seconds): a request costs a few atomic increments, never a round trip.
 * Counts that could not be stored are kept and sent with the next flush.
 */
public class ApiUsageRecorder {
  private static final int CALLS = 0;
  private static final int CLIENT_ERRORS = 1;
  private static final int SERVER_ERRORS = 2;
  private static final int BUCKETS = 3;

  private final UsageStore store;
  private final Clock clock;
  private final Map<Instant, AtomicLongArray> pending = new ConcurrentHashMap<>();

  public ApiUsageRecorder(UsageStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public void record(int status, long millis) {
    Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS);
    AtomicLongArray counts =
        pending.computeIfAbsent(
            hour, h -> new AtomicLongArray(BUCKETS + LatencyHistogram.BOUNDS_MS.length));
    counts.incrementAndGet(CALLS);
    if (status >= 500) {
      counts.incrementAndGet(SERVER_ERRORS);
    } else if (status >= 400) {
      counts.incrementAndGet(CLIENT_ERRORS);
    }
    counts.incrementAndGet(BUCKETS + LatencyHistogram.bucketOf(millis));
  }

  /** Sends what was counted since the last flush; on failure the counts wait for the next one. */
  public void flush() {
    Instant current = clock.instant().truncatedTo(ChronoUnit.HOURS);
    for (Map.Entry<Instant, AtomicLongArray> entry : pending.entrySet()) {
      Instant hour = entry.getKey();
      AtomicLongArray counts = entry.getValue();
      // Read and reset slot by slot: a call counted meanwhile lands in this flush or the next.
      long[] values = new long[counts.length()];
      for (int i = 0; i < values.length; i++) {
        values[i] = counts.getAndSet(i, 0);
      }
      if (hour.isBefore(current)) {
        // A past hour gets no more calls (each is counted in the hour it ends in).
        pending.remove(hour, counts);
      }
      if (values[CALLS] == 0) {
        continue;
      }
      long[] buckets = new long[LatencyHistogram.BOUNDS_MS.length];
      System.arraycopy(values, BUCKETS, buckets, 0, buckets.length);
      try {
        store.add(hour, values[CALLS], values[CLIENT_ERRORS], values[SERVER_ERRORS], buckets);
      } catch (RuntimeException e) {
        AtomicLongArray back =
            pending.computeIfAbsent(hour, h -> new AtomicLongArray(values.length));
        for (int i = 0; i < values.length; i++) {
          back.addAndGet(i, values[i]);
        }
        throw e;
      }
    }
  }
}
