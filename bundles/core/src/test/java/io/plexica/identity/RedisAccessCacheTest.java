package io.plexica.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.plexica.identity.domain.Access;
import io.plexica.identity.infra.RedisAccessCache;
import io.plexica.testing.Await;
import io.plexica.testing.TestPlatform;
import io.plexica.testing.UsesServices;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/**
 * The two-level permission cache against the real Redis of the test run: loads once, serves from
 * memory, forgets on invalidation on every node, never serves a load that raced an invalidation,
 * keeps tenants apart, and survives a dead Redis by loading every time.
 */
@UsesServices
class RedisAccessCacheTest {
  private static RedisAccessCache node;
  private static RedisAccessCache otherNode;

  @BeforeAll
  static void start() {
    node =
        new RedisAccessCache(
            TestPlatform.redis(),
            TestPlatform.cacheSeal(),
            Duration.ofMinutes(5),
            Duration.ofMinutes(1));
    otherNode =
        new RedisAccessCache(
            TestPlatform.redis(),
            TestPlatform.cacheSeal(),
            Duration.ofMinutes(5),
            Duration.ofMinutes(1));
    Await.until(() -> node.listening() && otherNode.listening(), "both nodes subscribed");
  }

  @AfterAll
  static void stop() {
    node.close();
    otherNode.close();
  }

  /** A loader that counts its calls and answers with a fixed set of permissions. */
  private static final class Loader {
    final AtomicInteger calls = new AtomicInteger();
    volatile Set<String> permissions = Set.of("workspaces:read");

    Access load(UUID user) {
      calls.incrementAndGet();
      return new Access(user, true, Set.of("user"), permissions, "p");
    }
  }

  @Test
  void loadsOnceThenServesTheSameAnswer() {
    UUID tenant = UUID.randomUUID();
    UUID user = UUID.randomUUID();
    Loader loader = new Loader();

    Access first = node.get(tenant, user, () -> loader.load(user));
    Access second = node.get(tenant, user, () -> loader.load(user));
    Access fromOtherNode = otherNode.get(tenant, user, () -> loader.load(user));

    assertThat(loader.calls).hasValue(1);
    assertThat(second).isEqualTo(first);
    assertThat(fromOtherNode).as("shared through Redis").isEqualTo(first);
  }

  /**
   * Someone who can write to Redis plants entries that would grant every permission: unsealed, in
   * the old format, sealed with another secret, or a genuine entry of another user moved to the
   * victim's key. Each is ignored and the access is loaded from the database.
   */
  @Test
  void entriesPlantedInRedisAreIgnored() {
    UUID tenant = UUID.randomUUID();
    UUID victim = UUID.randomUUID();
    UUID admin = UUID.randomUUID();
    String prefix = "plexica:access:v1:" + tenant + ":";
    String grantAll = "0\n1\nadmin\nroles:manage,users:manage\np";
    JedisPooled redis = TestPlatform.redis();
    // Another node, fresh memory each time: only what is in Redis can answer.
    Loader loader = new Loader();
    var adminLoader = new Loader();
    adminLoader.permissions = Set.of("roles:manage", "users:manage");
    RedisAccessCache reader =
        new RedisAccessCache(redis, TestPlatform.cacheSeal(), Duration.ofMinutes(5), Duration.ZERO);
    try {
      reader.get(tenant, admin, () -> adminLoader.load(admin));
      String genuineAdminEntry = redis.get(prefix + admin);
      var otherSecret =
          new io.plexica.shared.cache.CacheSeal("another-secret-that-is-long-enough-to-use");

      for (String planted :
          new String[] {
            grantAll,
            otherSecret.seal(prefix + victim, grantAll, Instant.now().plusSeconds(300)),
            genuineAdminEntry
          }) {
        redis.setex(prefix + victim, 300, planted);
        Access access = reader.get(tenant, victim, () -> loader.load(victim));
        assertThat(access.permissions()).as(planted).containsExactly("workspaces:read");
      }
      assertThat(loader.calls).as("loaded from the database every time").hasValue(3);
    } finally {
      reader.close();
    }
  }

  @Test
  void anInvalidationOnOneNodeReachesEveryNode() {
    UUID tenant = UUID.randomUUID();
    UUID user = UUID.randomUUID();
    Loader loader = new Loader();
    node.get(tenant, user, () -> loader.load(user));
    otherNode.get(tenant, user, () -> loader.load(user));
    assertThat(loader.calls).hasValue(1);

    loader.permissions = Set.of();
    node.invalidate(tenant);

    assertThat(node.get(tenant, user, () -> loader.load(user)).permissions()).isEmpty();
    Await.until(
        () -> otherNode.get(tenant, user, () -> loader.load(user)).permissions().isEmpty(),
        "the other node dropping its copy");
  }

  @Test
  void aLoadThatRacesAnInvalidationIsNotKept() {
    UUID tenant = UUID.randomUUID();
    UUID user = UUID.randomUUID();
    Loader loader = new Loader();

    node.get(
        tenant,
        user,
        () -> {
          Access stale = loader.load(user);
          otherNode.invalidate(tenant);
          return stale;
        });
    node.get(tenant, user, () -> loader.load(user));

    assertThat(loader.calls).as("the raced answer was not reused").hasValue(2);
  }

  @Test
  void tenantsNeverShareEntries() {
    UUID user = UUID.randomUUID();
    Loader inA = new Loader();
    Loader inB = new Loader();
    inB.permissions = Set.of("users:manage");

    node.get(UUID.randomUUID(), user, () -> inA.load(user));
    Access b = node.get(UUID.randomUUID(), user, () -> inB.load(user));

    assertThat(b.permissions()).containsExactly("users:manage");
    assertThat(inB.calls).hasValue(1);
  }

  @Test
  void withoutRedisEveryRequestLoads() {
    try (JedisPooled nowhere = new JedisPooled("127.0.0.1", 1)) {
      RedisAccessCache dead =
          new RedisAccessCache(
              nowhere, TestPlatform.cacheSeal(), Duration.ofMinutes(5), Duration.ofMinutes(1));
      try {
        UUID tenant = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        Loader loader = new Loader();

        dead.get(tenant, user, () -> loader.load(user));
        dead.get(tenant, user, () -> loader.load(user));
        dead.invalidate(tenant);

        assertThat(loader.calls).hasValue(2);
        assertThat(dead.listening()).isFalse();
      } finally {
        dead.close();
      }
    }
  }
}
