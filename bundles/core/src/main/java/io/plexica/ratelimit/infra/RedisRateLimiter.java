package io.plexica.ratelimit.infra;

import io.plexica.ratelimit.app.RateLimiter;
import io.plexica.ratelimit.domain.RateLimit;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * Token buckets in Redis, so that every replica counts against the same bucket: one script call per
 * request for all of its buckets (GCRA, the generic cell rate algorithm: a bucket is the time at
 * which it will be full again), on Redis's clock, so replicas whose clocks differ still agree. A
 * bucket disappears from Redis once it is full again. When Redis cannot be reached the request is
 * let through: limits protect the platform, and refusing everyone while the cache is down would be
 * the outage they are meant to prevent. That is logged once a minute.
 */
public class RedisRateLimiter implements RateLimiter {
  private static final Logger LOG = Logger.getLogger(RedisRateLimiter.class.getName());
  static final String PREFIX = "plexica:ratelimit:v2:";

  /**
   * KEYS the buckets; ARGV[2i-1] microseconds between two requests at bucket i's sustained rate,
   * ARGV[2i] its burst. A bucket holds the "theoretical arrival time" of its next request: a
   * request is allowed when, counting it, every bucket is at most a burst ahead of now; then every
   * bucket is advanced, else none. Returns {1, 0, 0} or {0, microseconds until bucket i would
   * allow, i}. The keys of one call differ in hash slot, so this needs one Redis, not a Redis
   * Cluster.
   */
  static final String SCRIPT =
      """
      local clock = redis.call('TIME')
      local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
      local next, ahead = {}, {}
      for i = 1, #KEYS do
        local interval = tonumber(ARGV[2 * i - 1])
        local burst = tonumber(ARGV[2 * i])
        local tat = tonumber(redis.call('GET', KEYS[i])) or now
        if tat < now then tat = now end
        next[i] = tat + interval
        ahead[i] = next[i] - now
        if ahead[i] > interval * burst then
          return {0, math.ceil(ahead[i] - interval * burst), i}
        end
      end
      for i = 1, #KEYS do
        redis.call('SET', KEYS[i], string.format('%.0f', next[i]), 'PX', math.ceil(ahead[i] / 1000))
      end
      return {1, 0, 0}
      """;

  private static final String SCRIPT_SHA = sha1(SCRIPT);

  private final UnifiedJedis redis;
  private final AtomicLong lastWarning = new AtomicLong();

  public RedisRateLimiter(UnifiedJedis redis) {
    this.redis = redis;
  }

  @Override
  public Verdict take(List<Bucket> buckets) {
    List<String> keys = new ArrayList<>(buckets.size());
    List<String> args = new ArrayList<>(buckets.size() * 2);
    for (Bucket bucket : buckets) {
      RateLimit limit = bucket.limit();
      keys.add(
          PREFIX
              + limit.name()
              + ':'
              + limit.perSecond()
              + ':'
              + limit.burst()
              + ':'
              + bucket.key());
      args.add(Double.toString(1_000_000.0 / limit.perSecond()));
      args.add(Long.toString(limit.burst()));
    }
    try {
      List<?> answer = (List<?>) run(keys, args);
      if (((Long) answer.get(0)) == 1L) {
        return Verdict.ALLOWED;
      }
      long waitMicros = (Long) answer.get(1);
      RateLimit refusedBy = buckets.get((int) (long) (Long) answer.get(2) - 1).limit();
      return new Verdict(false, Math.max(1, (waitMicros + 999_999) / 1_000_000), refusedBy);
    } catch (JedisException e) {
      warnAtMostOnceAMinute(e);
      return Verdict.ALLOWED;
    }
  }

  /** By its digest, which Redis knows after the first call; the script itself when it does not. */
  private Object run(List<String> keys, List<String> args) {
    try {
      return redis.evalsha(SCRIPT_SHA, keys, args);
    } catch (JedisNoScriptException e) {
      return redis.eval(SCRIPT, keys, args);
    }
  }

  private static String sha1(String script) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void warnAtMostOnceAMinute(JedisException e) {
    long now = System.currentTimeMillis();
    long last = lastWarning.get();
    if (now - last > 60_000 && lastWarning.compareAndSet(last, now)) {
      LOG.log(Level.WARNING, "Redis unreachable: rate limits are not enforced until it is back", e);
    }
  }
}
