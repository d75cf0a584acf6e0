package io.plexica.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.plexica.ratelimit.app.RateLimiter.Verdict;
import io.plexica.ratelimit.domain.RateLimit;
import io.plexica.ratelimit.infra.RedisRateLimiter;
import io.plexica.testing.TestPlatform;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;

/** Buckets in the real Redis of bin/plexica test, as two replicas of the platform share them. */
class RedisRateLimiterTest {
  private static final RateLimit FIVE = new RateLimit("test", 1, 5);

  @Test
  void twoReplicasCountAgainstTheSameBucket() {
    RedisRateLimiter replicaA = new RedisRateLimiter(TestPlatform.redis());
    RedisRateLimiter replicaB = new RedisRateLimiter(TestPlatform.redis());
    String client = "203.0.113." + UUID.randomUUID();
    List<Verdict> verdicts = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      verdicts.add(replicaA.take(client, FIVE));
      verdicts.add(replicaB.take(client, FIVE));
    }
    assertThat(verdicts)
        .extracting(Verdict::allowed)
        .containsExactly(true, true, true, true, true, false);
    assertThat(verdicts.get(5).retryAfterSeconds()).isBetween(1L, 2L);
    // Another client has a bucket of its own.
    assertThat(replicaB.take(client + "-other", FIVE).allowed()).isTrue();
  }

  @Test
  void withRedisUnreachableRequestsGoThrough() {
    try (JedisPooled nowhere = new JedisPooled(new HostAndPort("127.0.0.1", 9))) {
      RedisRateLimiter limiter = new RedisRateLimiter(nowhere);
      for (int i = 0; i < 10; i++) {
        assertThat(limiter.take("anyone", FIVE).allowed()).isTrue();
      }
    }
  }
}
