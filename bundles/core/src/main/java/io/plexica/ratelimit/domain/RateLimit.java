package io.plexica.ratelimit.domain;

/**
 * A token bucket: {@code perSecond} requests on average, up to {@code burst} at once. The {@code
 * name} tells which limit answered (client, sign-in, tenant) in the 429 a client gets.
 */
public record RateLimit(String name, long perSecond, long burst) {
  public RateLimit {
    if (perSecond < 1 || burst < 1) {
      throw new IllegalArgumentException(
          "Rate limit " + name + ": per second and burst must be at least 1");
    }
  }
}
