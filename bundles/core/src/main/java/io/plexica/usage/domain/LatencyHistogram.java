package io.plexica.usage.domain;

import java.util.Arrays;

/**
 * Request durations counted in fixed buckets, so that counts from every replica and every flush add
 * up, and a percentile is read off the sums (to the bucket's upper bound: an upper estimate).
 */
public final class LatencyHistogram {
  /** Upper bounds in milliseconds; the last bucket holds everything slower. */
  public static final long[] BOUNDS_MS = {
    2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, Long.MAX_VALUE
  };

  private final long[] counts;

  public LatencyHistogram(long[] counts) {
    if (counts.length != BOUNDS_MS.length) {
      throw new IllegalArgumentException("one count per bucket");
    }
    this.counts = counts.clone();
  }

  /** The bucket a duration falls in. */
  public static int bucketOf(long millis) {
    for (int i = 0; i < BOUNDS_MS.length; i++) {
      if (millis <= BOUNDS_MS[i]) {
        return i;
      }
    }
    return BOUNDS_MS.length - 1;
  }

  public long total() {
    return Arrays.stream(counts).sum();
  }

  /**
   * The upper bound (ms) of the bucket holding the {@code percent}th percentile; null without
   * requests; the slowest bucket answers its lower bound's next step (over 10 s).
   */
  public Long percentile(double percent) {
    long total = total();
    if (total == 0) {
      return null;
    }
    long rank = (long) Math.ceil(total * percent / 100.0);
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return i == counts.length - 1 ? BOUNDS_MS[i - 1] + 1 : BOUNDS_MS[i];
      }
    }
    return BOUNDS_MS[BOUNDS_MS.length - 2] + 1;
  }
}
