package io.plexica.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.plexica.ratelimit.app.RateLimiter.Bucket;
import io.plexica.ratelimit.app.RateLimiter.Verdict;
import io.plexica.ratelimit.domain.RateLimit;
import io.plexica.ratelimit.infra.RedisRateLimiter;
import io.plexica.testing.TestPlatform;
import io.plexica.testing.UsesServices;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;

/** Buckets in the real Redis of bin/plexica test, as two replicas of the platform share them. */
@UsesServices
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
  void concurrentRequestsTakeExactlyTheBurst() throws Exception {
    RateLimit ten = new RateLimit("test", 1, 10);
    String client = "198.51.100." + UUID.randomUUID();
    List<RedisRateLimiter> replicas =
        List.of(
            new RedisRateLimiter(TestPlatform.redis()), new RedisRateLimiter(TestPlatform.redis()));
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<Verdict>> verdicts = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        RedisRateLimiter replica = replicas.get(i % 2);
        verdicts.add(threads.submit(() -> replica.take(client, ten)));
      }
      long allowed = 0;
      for (Future<Verdict> verdict : verdicts) {
        allowed += verdict.get().allowed() ? 1 : 0;
      }
      // One a second refills: within the run at most one more than the burst gets through.
      assertThat(allowed).isBetween(10L, 11L);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void anEmptiedBucketRefillsAtItsRate() throws InterruptedException {
    RateLimit fast = new RateLimit("test", 20, 2);
    RedisRateLimiter limiter = new RedisRateLimiter(TestPlatform.redis());
    String client = "192.0.2." + UUID.randomUUID();
    assertThat(limiter.take(client, fast).allowed()).isTrue();
    assertThat(limiter.take(client, fast).allowed()).isTrue();
    Verdict refused = limiter.take(client, fast);
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfterSeconds()).isEqualTo(1);
    Thread.sleep(120); // more than the 50 ms one request takes to come back
    assertThat(limiter.take(client, fast).allowed()).isTrue();
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

  @Test
  void aRequestRefusedByOneBucketTakesNothingFromTheOthers() {
    RedisRateLimiter limiter = new RedisRateLimiter(TestPlatform.redis());
    String id = UUID.randomUUID().toString();
    RateLimit client = new RateLimit("test-client", 1, 2);
    RateLimit tenant = new RateLimit("test-tenant", 1, 3);
    List<Bucket> both = List.of(new Bucket("c-" + id, client), new Bucket("t-" + id, tenant));
    assertThat(limiter.take(both).allowed()).isTrue();
    assertThat(limiter.take(both).allowed()).isTrue();
    Verdict refused = limiter.take(both);
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.refusedBy()).as("the client's bucket is the empty one").isEqualTo(client);
    assertThat(refused.retryAfterSeconds()).isEqualTo(1);
    assertThat(limiter.take("t-" + id, tenant).allowed())
        .as("the tenant's third token, left by the refused request")
        .isTrue();
    assertThat(limiter.take("t-" + id, tenant).allowed()).isFalse();
  }

  @Test
  void aBusyClientTakesManyRequestsPerRoundTripAndTheBucketIsChargedForThemAll() {
    RateLimit large = new RateLimit("test", 1, 800);
    String client = "198.51.100." + UUID.randomUUID();
    RedisRateLimiter replicaA = new RedisRateLimiter(TestPlatform.redis());
    for (int i = 0; i < 800; i++) {
      assertThat(replicaA.take(client, large).allowed()).as("request %d of the burst", i).isTrue();
    }
    assertThat(replicaA.roundTrips())
        .as("leases of up to 32 requests (800 / 8 = 100, capped)")
        .isLessThan(100);
    RedisRateLimiter replicaB = new RedisRateLimiter(TestPlatform.redis());
    long allowedOnB =
        IntStream.range(0, 3).filter(i -> replicaB.take(client, large).allowed()).count();
    assertThat(allowedOnB).as("the burst is used up in Redis, not only on replica A").isLessThan(2);
  }

  @Test
  void leasesNeverLetTheReplicasPastTheSharedBudget() throws Exception {
    RateLimit budget = new RateLimit("test", 1, 200);
    String client = "192.0.2." + UUID.randomUUID();
    List<RedisRateLimiter> replicas =
        List.of(
            new RedisRateLimiter(TestPlatform.redis()), new RedisRateLimiter(TestPlatform.redis()));
    ExecutorService threads = Executors.newFixedThreadPool(8);
    long started = System.nanoTime();
    long allowed = 0;
    try {
      List<Future<Verdict>> verdicts = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        RedisRateLimiter replica = replicas.get(i % 2);
        verdicts.add(threads.submit(() -> replica.take(client, budget)));
      }
      for (Future<Verdict> verdict : verdicts) {
        allowed += verdict.get().allowed() ? 1 : 0;
      }
    } finally {
      threads.shutdownNow();
    }
    long refilled = (System.nanoTime() - started) / 1_000_000_000 + 1;
    // Never past the budget is the rule; the floor only says leases do not waste most of it (a
    // CI run once had 129 of 200 through: the leftovers of leases that expired are forfeited).
    assertThat(allowed)
        .as("at most the burst and what refilled; leftovers of expired leases are forfeited")
        .isBetween(100L, 200L + refilled);
    assertThat(replicas.get(0).roundTrips() + replicas.get(1).roundTrips()).isLessThan(1000);
  }

  @Test
  void aRefusedClientIsAnsweredWithoutARoundTripUntilItsBucketCouldAllowAgain() {
    RateLimit two = new RateLimit("test", 1, 2);
    String client = "203.0.113." + UUID.randomUUID();
    RedisRateLimiter limiter = new RedisRateLimiter(TestPlatform.redis());
    limiter.take(client, two);
    limiter.take(client, two);
    assertThat(limiter.take(client, two).allowed()).isFalse();
    long trips = limiter.roundTrips();
    for (int i = 0; i < 20; i++) {
      Verdict verdict = limiter.take(client, two);
      assertThat(verdict.allowed()).isFalse();
      assertThat(verdict.retryAfterSeconds()).isEqualTo(1);
      assertThat(verdict.refusedBy()).isEqualTo(two);
    }
    assertThat(limiter.roundTrips()).as("refusals remembered").isEqualTo(trips);
  }
}
