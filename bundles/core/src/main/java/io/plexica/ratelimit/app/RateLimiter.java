package io.plexica.ratelimit.app;

import io.plexica.ratelimit.domain.RateLimit;
import java.util.List;

/** Takes one request from buckets shared by every replica of the platform. */
public interface RateLimiter {

  /**
   * @param key who is limited: a client address, a tenant; the same text on every replica
   */
  record Bucket(String key, RateLimit limit) {}

  /**
   * Whether the request may go on, and if not, which limit refused it and in how many seconds it
   * may be tried again.
   */
  record Verdict(boolean allowed, long retryAfterSeconds, RateLimit refusedBy) {
    public static final Verdict ALLOWED = new Verdict(true, 0, null);
  }

  /**
   * Takes one from every bucket, or from none when one of them is empty: a request refused by one
   * limit does not use up the others.
   */
  Verdict take(List<Bucket> buckets);

  default Verdict take(String key, RateLimit limit) {
    return take(List.of(new Bucket(key, limit)));
  }
}
