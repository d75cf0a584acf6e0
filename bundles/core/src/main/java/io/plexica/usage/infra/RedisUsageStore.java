package io.plexica.usage.infra;

import io.plexica.usage.domain.ApiHour;
import io.plexica.usage.domain.LatencyHistogram;
import io.plexica.usage.domain.UsageStore;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

/**
 * The API's hourly traffic in Redis, shared by every replica: one hash per hour ({@code
 * plexica:usage:v1:api:<yyyyMMddHH>}: calls, 4xx, 5xx, one field per latency bucket), added to with
 * HINCRBY and kept {@value #KEEP_DAYS} days. Platform-wide figures: no tenant in the key.
 */
public class RedisUsageStore implements UsageStore {
  static final String PREFIX = "plexica:usage:v1:api:";
  static final int KEEP_DAYS = 8;
  private static final DateTimeFormatter HOUR =
      DateTimeFormatter.ofPattern("yyyyMMddHH").withZone(ZoneOffset.UTC);

  private final JedisPooled redis;

  public RedisUsageStore(JedisPooled redis) {
    this.redis = redis;
  }

  @Override
  public void add(Instant hour, long calls, long clientErrors, long serverErrors, long[] buckets) {
    String key = PREFIX + HOUR.format(hour);
    try (Pipeline pipeline = redis.pipelined()) {
      pipeline.hincrBy(key, "calls", calls);
      if (clientErrors > 0) {
        pipeline.hincrBy(key, "4xx", clientErrors);
      }
      if (serverErrors > 0) {
        pipeline.hincrBy(key, "5xx", serverErrors);
      }
      for (int i = 0; i < buckets.length; i++) {
        if (buckets[i] > 0) {
          pipeline.hincrBy(key, "b" + i, buckets[i]);
        }
      }
      pipeline.expire(key, Duration.ofDays(KEEP_DAYS).toSeconds());
      pipeline.sync();
    }
  }

  @Override
  public List<ApiHour> hours(Instant from, Instant to) {
    Instant first = from.truncatedTo(ChronoUnit.HOURS);
    Instant last = to.truncatedTo(ChronoUnit.HOURS);
    List<Instant> hours = new ArrayList<>();
    for (Instant h = first; !h.isAfter(last); h = h.plus(Duration.ofHours(1))) {
      hours.add(h);
    }
    List<Response<Map<String, String>>> answers = new ArrayList<>();
    try (Pipeline pipeline = redis.pipelined()) {
      for (Instant hour : hours) {
        answers.add(pipeline.hgetAll(PREFIX + HOUR.format(hour)));
      }
      pipeline.sync();
    }
    List<ApiHour> result = new ArrayList<>();
    for (int i = 0; i < hours.size(); i++) {
      Map<String, String> fields = answers.get(i).get();
      long[] buckets = new long[LatencyHistogram.BOUNDS_MS.length];
      for (int b = 0; b < buckets.length; b++) {
        buckets[b] = number(fields, "b" + b);
      }
      result.add(
          new ApiHour(
              hours.get(i),
              number(fields, "calls"),
              number(fields, "4xx"),
              number(fields, "5xx"),
              new LatencyHistogram(buckets).percentile(95)));
    }
    return result;
  }

  private static long number(Map<String, String> fields, String name) {
    String value = fields.get(name);
    return value == null ? 0 : Long.parseLong(value);
  }
}
