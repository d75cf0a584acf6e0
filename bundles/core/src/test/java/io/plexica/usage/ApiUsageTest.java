package io.plexica.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plexica.testing.TestPlatform;
import io.plexica.testing.UsesServices;
import io.plexica.usage.app.ApiUsageRecorder;
import io.plexica.usage.domain.ApiHour;
import io.plexica.usage.domain.UsageStore;
import io.plexica.usage.infra.RedisUsageStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/**
 * API usage counted by two replicas and added up in the test run's Redis, per hour. The hours are
 * in a year no real traffic has, so runs do not see each other's counts.
 */
@UsesServices
class ApiUsageTest {
  private static final Instant HOUR =
      Instant.parse("2101-01-01T00:00:00Z").plus(Duration.ofHours(System.nanoTime() % 10_000));

  @Test
  void twoReplicasCountsAddUpPerHourWithErrorsAndTheP95() {
    UsageStore store = new RedisUsageStore(TestPlatform.redis());
    Clock inTheHour = Clock.fixed(HOUR.plus(Duration.ofMinutes(10)), ZoneOffset.UTC);
    ApiUsageRecorder one = new ApiUsageRecorder(store, inTheHour);
    ApiUsageRecorder two = new ApiUsageRecorder(store, inTheHour);
    for (int i = 0; i < 90; i++) {
      one.record(200, 3);
    }
    for (int i = 0; i < 5; i++) {
      two.record(404, 30);
    }
    for (int i = 0; i < 5; i++) {
      two.record(503, 400);
    }
    one.flush();
    two.flush();
    two.flush(); // nothing new: adds nothing

    List<ApiHour> hours = store.hours(HOUR.minus(Duration.ofHours(1)), HOUR);
    assertThat(hours).hasSize(2);
    assertThat(hours.get(0).calls()).isZero();
    assertThat(hours.get(0).p95Ms()).isNull();
    ApiHour hour = hours.get(1);
    assertThat(hour.hour()).isEqualTo(HOUR);
    assertThat(hour.calls()).isEqualTo(100);
    assertThat(hour.clientErrors()).isEqualTo(5);
    assertThat(hour.serverErrors()).isEqualTo(5);
    assertThat(hour.errorRate()).isEqualTo(0.05);
    assertThat(hour.p95Ms()).isEqualTo(50);
  }

  @Test
  void countsThatCouldNotBeStoredAreSentWithTheNextFlush() {
    Instant hour = HOUR.plus(Duration.ofHours(20_000));
    RedisUsageStore redis = new RedisUsageStore(TestPlatform.redis());
    try (JedisPooled nowhere = new JedisPooled("127.0.0.1", 1)) {
      RedisUsageStore down = new RedisUsageStore(nowhere);
      boolean[] up = {false};
      UsageStore flaky =
          new UsageStore() {
            @Override
            public void add(
                Instant h, long calls, long clientErrors, long serverErrors, long[] buckets) {
              (up[0] ? redis : down).add(h, calls, clientErrors, serverErrors, buckets);
            }

            @Override
            public List<ApiHour> hours(Instant from, Instant to) {
              return redis.hours(from, to);
            }
          };
      ApiUsageRecorder recorder = new ApiUsageRecorder(flaky, Clock.fixed(hour, ZoneOffset.UTC));
      recorder.record(200, 1);
      recorder.record(200, 1);
      assertThatThrownBy(recorder::flush).isInstanceOf(RuntimeException.class);
      recorder.record(500, 1);
      up[0] = true;
      recorder.flush();
    }
    ApiHour stored = redis.hours(hour, hour).get(0);
    assertThat(stored.calls()).isEqualTo(3);
    assertThat(stored.serverErrors()).isEqualTo(1);
  }
}
