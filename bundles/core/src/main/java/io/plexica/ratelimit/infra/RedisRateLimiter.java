package io.plexica.ratelimit.infra;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.jedis.Bucket4jJedis;
import io.plexica.ratelimit.app.RateLimiter;
import io.plexica.ratelimit.domain.RateLimit;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Token buckets in Redis (Bucket4j, compare-and-swap), so that every replica counts against the
 * same bucket. A bucket disappears from Redis once it would be full again. When Redis cannot be
 * reached the request is let through: limits protect the platform, and refusing everyone while the
 * cache is down would be the outage they are meant to prevent. That is logged once a minute.
 */
public class RedisRateLimiter implements RateLimiter {
  private static final Logger LOG = Logger.getLogger(RedisRateLimiter.class.getName());
  static final String PREFIX = "plexica:ratelimit:v1:";

  private final ProxyManager<byte[]> buckets;
  private final AtomicLong lastWarning = new AtomicLong();

  /** Each limit's bucket shape, built once: a handful of limits, asked on every request. */
  private final Map<RateLimit, BucketConfiguration> configurations = new ConcurrentHashMap<>();

  public RedisRateLimiter(UnifiedJedis redis) {
    this.buckets =
        Bucket4jJedis.casBasedBuilder(redis)
            .expirationAfterWrite(
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                    Duration.ofSeconds(10)))
            .build();
  }

  @Override
  public Verdict take(String bucket, RateLimit limit) {
    BucketConfiguration configuration =
        configurations.computeIfAbsent(limit, RedisRateLimiter::configuration);
    byte[] key =
        (PREFIX + limit.name() + ':' + limit.perSecond() + ':' + limit.burst() + ':' + bucket)
            .getBytes(StandardCharsets.UTF_8);
    try {
      ConsumptionProbe probe =
          buckets.builder().build(key, () -> configuration).tryConsumeAndReturnRemaining(1);
      if (probe.isConsumed()) {
        return Verdict.ALLOWED;
      }
      long seconds = TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill());
      return new Verdict(false, Math.max(1, seconds + 1));
    } catch (JedisException e) {
      warnAtMostOnceAMinute(e);
      return Verdict.ALLOWED;
    }
  }

  private static BucketConfiguration configuration(RateLimit limit) {
    return BucketConfiguration.builder()
        .addLimit(
            Bandwidth.builder()
                .capacity(limit.burst())
                .refillGreedy(limit.perSecond(), Duration.ofSeconds(1))
                .build())
        .build();
  }

  private void warnAtMostOnceAMinute(JedisException e) {
    long now = System.currentTimeMillis();
    long last = lastWarning.get();
    if (now - last > 60_000 && lastWarning.compareAndSet(last, now)) {
      LOG.log(Level.WARNING, "Redis unreachable: rate limits are not enforced until it is back", e);
    }
  }
}
