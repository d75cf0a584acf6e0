package io.plexica.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.plexica.usage.domain.LatencyHistogram;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

  @Test
  void durationsFallInTheFirstBucketThatHoldsThem() {
    assertThat(LatencyHistogram.bucketOf(0)).isZero();
    assertThat(LatencyHistogram.bucketOf(2)).isZero();
    assertThat(LatencyHistogram.bucketOf(3)).isEqualTo(1);
    assertThat(LatencyHistogram.bucketOf(100)).isEqualTo(5);
    assertThat(LatencyHistogram.bucketOf(60_000)).isEqualTo(LatencyHistogram.BOUNDS_MS.length - 1);
  }

  @Test
  void thePercentileIsTheUpperBoundOfTheBucketThatReachesIt() {
    long[] counts = new long[LatencyHistogram.BOUNDS_MS.length];
    counts[LatencyHistogram.bucketOf(4)] = 90; // ≤ 5 ms
    counts[LatencyHistogram.bucketOf(40)] = 5; // ≤ 50 ms
    counts[LatencyHistogram.bucketOf(400)] = 5; // ≤ 500 ms
    LatencyHistogram histogram = new LatencyHistogram(counts);

    assertThat(histogram.total()).isEqualTo(100);
    assertThat(histogram.percentile(50)).isEqualTo(5);
    assertThat(histogram.percentile(95)).isEqualTo(50);
    assertThat(histogram.percentile(96)).isEqualTo(500);
    assertThat(new LatencyHistogram(new long[LatencyHistogram.BOUNDS_MS.length]).percentile(95))
        .isNull();
  }

  @Test
  void theSlowestBucketAnswersMoreThanItsLowerBound() {
    long[] counts = new long[LatencyHistogram.BOUNDS_MS.length];
    counts[LatencyHistogram.BOUNDS_MS.length - 1] = 1;
    assertThat(new LatencyHistogram(counts).percentile(95)).isEqualTo(10_001);
  }
}
