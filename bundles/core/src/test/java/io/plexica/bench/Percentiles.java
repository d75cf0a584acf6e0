package io.plexica.bench;

import java.util.Arrays;

/** Percentiles of measured durations, for the benches' reports. */
final class Percentiles {
  private final long[] sorted;

  Percentiles(long[] nanos) {
    this.sorted = nanos.clone();
    Arrays.sort(sorted);
  }

  int count() {
    return sorted.length;
  }

  /** The duration at {@code percentile} (nearest rank), in nanoseconds. */
  long at(double percentile) {
    int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
    return sorted[Math.max(0, index)];
  }
}
