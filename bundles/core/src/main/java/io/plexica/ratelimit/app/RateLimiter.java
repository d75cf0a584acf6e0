package io.plexica.ratelimit.app;

import io.plexica.ratelimit.domain.RateLimit;

/** Takes one request from a bucket shared by every replica of the platform. */
public interface RateLimiter {

  /** Whether the request may go on, and if not, in how many seconds it may be tried again. */
  record Verdict(boolean allowed, long retryAfterSeconds) {
    public static final Verdict ALLOWED = new Verdict(true, 0);
  }

  /**
   * @param bucket who is limited: a client address, a tenant; the same text on every replica
   */
  Verdict take(String bucket, RateLimit limit);
}
