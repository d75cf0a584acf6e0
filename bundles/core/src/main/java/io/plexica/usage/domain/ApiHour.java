package io.plexica.usage.domain;

import java.time.Instant;

/**
 * The API's traffic in one hour across every replica: calls, refusals (4xx), failures (5xx) and the
 * 95th percentile of durations (an upper bound, to the bucket; null without calls).
 */
public record ApiHour(Instant hour, long calls, long clientErrors, long serverErrors, Long p95Ms) {
  /** Failures (5xx) per call; 0 without calls. */
  public double errorRate() {
    return calls == 0 ? 0 : (double) serverErrors / calls;
  }
}
