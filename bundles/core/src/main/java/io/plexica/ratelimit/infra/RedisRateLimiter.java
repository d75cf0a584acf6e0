package io.plexica.ratelimit.infra;

import io.plexica.ratelimit.app.RateLimiter;
import io.plexica.ratelimit.domain.RateLimit;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * Token buckets in Redis, so that every replica counts against the same bucket: one script call for
 * all of a request's buckets (GCRA, the generic cell rate algorithm: a bucket is the time at which
 * it will be full again), on Redis's clock, so replicas whose clocks differ still agree. A bucket
 * disappears from Redis once it is full again. When Redis cannot be reached the request is let
 * through: limits protect the platform, and refusing everyone while the cache is down would be the
 * outage they are meant to prevent. That is logged once a minute.
 *
 * <p>A busy client does not pay a round trip for every request: a call to Redis may take several
 * requests' worth from the buckets at once (a <em>lease</em>), which this node then hands out for
 * up to {@link #LEASE_NANOS}. The lease is charged in Redis when it is taken, so the replicas
 * together never let more through than the shared budget allows; what a lease leaves unused when it
 * expires is forfeited, which can only make a limit stricter. Leases start at one request, double
 * while they are used up before they expire, halve when they are not, are never more than an eighth
 * of the smallest burst, and fall back to one request as soon as Redis grants less than was asked
 * (a client near its limit is counted exactly, one round trip per request). A refusal is remembered
 * for as long as Redis said it would last: nothing can refill a bucket faster, so the refused
 * client's next requests are answered without a round trip.
 */
public class RedisRateLimiter implements RateLimiter {
  private static final Logger LOG = Logger.getLogger(RedisRateLimiter.class.getName());
  static final String PREFIX = "plexica:ratelimit:v2:";

  /** How long leased budget waits for its requests before it is forfeited. */
  static final long LEASE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  /** The most requests one round trip takes. */
  static final int MAX_LEASE = 32;

  /** Above this many remembered bucket sets, the expired ones are dropped. */
  private static final int SWEEP_ABOVE = 10_000;

  /**
   * KEYS the buckets; ARGV[1] how many requests are wanted; ARGV[2i] microseconds between two
   * requests at bucket i's sustained rate, ARGV[2i+1] its burst. A bucket holds the "theoretical
   * arrival time" of its next request: n requests are allowed when, counting them, every bucket is
   * at most a burst ahead of now. The script grants the most requests up to the wanted number that
   * every bucket allows and advances every bucket by them, or, when a bucket does not allow even
   * one, none. Returns {granted, 0, 0} or {0, microseconds until bucket i would allow one, i}. The
   * keys of one call differ in hash slot, so this needs one Redis, not a Redis Cluster.
   */
  static final String SCRIPT =
      """
      local clock = redis.call('TIME')
      local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
      local granted = tonumber(ARGV[1])
      local tats = {}
      for i = 1, #KEYS do
        local interval = tonumber(ARGV[2 * i])
        local burst = tonumber(ARGV[2 * i + 1])
        local tat = tonumber(redis.call('GET', KEYS[i])) or now
        if tat < now then tat = now end
        tats[i] = tat
        local room = math.floor((interval * burst - (tat - now)) / interval + 1e-9)
        if room < 1 then
          return {0, math.ceil(tat + interval - now - interval * burst), i}
        end
        if room < granted then granted = room end
      end
      for i = 1, #KEYS do
        local next = tats[i] + granted * tonumber(ARGV[2 * i])
        redis.call('SET', KEYS[i], string.format('%.0f', next), 'PX', math.ceil((next - now) / 1000))
      end
      return {granted, 0, 0}
      """;

  private static final String SCRIPT_SHA = sha1(SCRIPT);

  private final UnifiedJedis redis;
  private final AtomicLong lastWarning = new AtomicLong();
  private final AtomicLong roundTrips = new AtomicLong();
  private final AtomicLong lastSweep = new AtomicLong();

  /** What this node holds for a set of buckets, by their keys. */
  private final ConcurrentHashMap<String, Held> held = new ConcurrentHashMap<>();

  /**
   * Requests leased and not yet handed out, until {@code until} ({@link System#nanoTime()}), from a
   * lease of {@code size}; or, when {@code refusal} is set, a refusal that lasts until then.
   */
  private record Held(AtomicInteger remaining, long until, int size, Verdict refusal) {
    boolean current(long now) {
      return until - now > 0;
    }

    boolean takeOne() {
      int left;
      do {
        left = remaining.get();
        if (left <= 0) {
          return false;
        }
      } while (!remaining.compareAndSet(left, left - 1));
      return true;
    }
  }

  public RedisRateLimiter(UnifiedJedis redis) {
    this.redis = redis;
  }

  /** Calls to Redis so far: fewer than requests once leases grow. */
  public long roundTrips() {
    return roundTrips.get();
  }

  @Override
  public Verdict take(List<Bucket> buckets) {
    List<String> keys = new ArrayList<>(buckets.size());
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
    }
    String id = String.join("\n", keys);
    long now = System.nanoTime();
    Held before = held.get(id);
    if (before != null && before.current(now)) {
      if (before.refusal() != null) {
        return refusedFor(before, now);
      }
      if (before.takeOne()) {
        return Verdict.ALLOWED;
      }
    }
    // Only a round trip needs the script's arguments.
    long smallestBurst =
        buckets.stream().mapToLong(b -> b.limit().burst()).min().orElse(Long.MAX_VALUE);
    int wanted = nextLeaseSize(before, now, smallestBurst);
    List<String> args = new ArrayList<>(buckets.size() * 2 + 1);
    args.add(Integer.toString(wanted));
    for (Bucket bucket : buckets) {
      args.add(Double.toString(1_000_000.0 / bucket.limit().perSecond()));
      args.add(Long.toString(bucket.limit().burst()));
    }
    List<?> answer;
    try {
      roundTrips.incrementAndGet();
      answer = (List<?>) run(keys, args);
    } catch (JedisException e) {
      warnAtMostOnceAMinute(e);
      return Verdict.ALLOWED;
    }
    sweepNowAndThen(now);
    int granted = (int) (long) (Long) answer.get(0);
    if (granted > 0) {
      // Less than wanted: the client is near its limit, so it is counted one request at a time.
      int size = granted < wanted ? 1 : wanted;
      held.compute(
          id,
          (key, old) -> {
            int carried =
                old != null && old.refusal() == null && old.current(now)
                    ? old.remaining().getAndSet(0)
                    : 0;
            return new Held(
                new AtomicInteger(granted - 1 + carried), now + LEASE_NANOS, size, null);
          });
      return Verdict.ALLOWED;
    }
    long waitMicros = (Long) answer.get(1);
    RateLimit refusedBy = buckets.get((int) (long) (Long) answer.get(2) - 1).limit();
    Verdict refusal =
        new Verdict(false, Math.max(1, (waitMicros + 999_999) / 1_000_000), refusedBy);
    Held current = held.get(id);
    if (current != null && current.refusal() == null && current.current(now) && current.takeOne()) {
      // Another request of this node leased budget meanwhile.
      return Verdict.ALLOWED;
    }
    held.put(id, new Held(new AtomicInteger(), now + waitMicros * 1000, 1, refusal));
    return refusal;
  }

  private static Verdict refusedFor(Held refusal, long now) {
    long seconds = Math.max(1, (refusal.until() - now + 999_999_999) / 1_000_000_000);
    return new Verdict(false, seconds, refusal.refusal().refusedBy());
  }

  /**
   * Twice the last lease when it was used up before it expired, half when it expired unused, one
   * after a refusal or when this node held nothing; at most an eighth of the smallest burst.
   */
  private static int nextLeaseSize(Held last, long now, long smallestBurst) {
    int most = (int) Math.max(1, Math.min(MAX_LEASE, smallestBurst / 8));
    if (last == null || last.refusal() != null) {
      return 1;
    }
    int size;
    if (last.current(now)) {
      size = last.size() * 2;
    } else if (last.remaining().get() > 0) {
      size = Math.max(1, last.size() / 2);
    } else {
      size = last.size();
    }
    return Math.min(most, size);
  }

  private void sweepNowAndThen(long now) {
    long last = lastSweep.get();
    if (held.size() > SWEEP_ABOVE
        && now - last > TimeUnit.SECONDS.toNanos(1)
        && lastSweep.compareAndSet(last, now)) {
      held.values().removeIf(h -> now - h.until() > TimeUnit.SECONDS.toNanos(1));
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
