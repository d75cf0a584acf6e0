package io.plexica.identity.infra;

import io.plexica.identity.app.AccessCache;
import io.plexica.identity.domain.Access;
import io.plexica.shared.cache.CacheSeal;
import io.plexica.shared.cache.LayeredCache;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import redis.clients.jedis.JedisPooled;

/**
 * Effective access in this node's memory and in Redis, shared by every node ({@link LayeredCache}):
 * one group per tenant, so a change of roles or permissions in a tenant invalidates its users'
 * entries on every node. Keys {@code plexica:access:v1:<tenant>:<user>}.
 */
public class RedisAccessCache implements AccessCache, AutoCloseable {
  static final String PREFIX = "plexica:access:v1:";

  /** Users whose access one node keeps in memory at most. */
  private static final int MAX_LOCAL_ENTRIES = 200_000;

  private final LayeredCache<Access> cache;

  /**
   * The platform's access cache: permissions shared through Redis for five minutes, kept in a
   * node's memory for a minute at most, in case an invalidation message was lost.
   */
  public static RedisAccessCache standard(JedisPooled redis, CacheSeal seal) {
    return new RedisAccessCache(redis, seal, Duration.ofMinutes(5), Duration.ofMinutes(1));
  }

  public RedisAccessCache(JedisPooled redis, CacheSeal seal, Duration redisTtl, Duration localTtl) {
    this.cache =
        new LayeredCache<>(
            redis,
            seal,
            PREFIX,
            new LayeredCache.Codec<>(
                RedisAccessCache::encode, (member, text) -> decode(UUID.fromString(member), text)),
            redisTtl,
            localTtl,
            MAX_LOCAL_ENTRIES);
  }

  /** Whether this node currently hears invalidations (and so keeps entries in memory). */
  public boolean listening() {
    return cache.listening();
  }

  @Override
  public Access get(UUID tenantId, UUID userId, Supplier<Access> load) {
    return cache.get(tenantId.toString(), userId.toString(), load);
  }

  @Override
  public void invalidate(UUID tenantId) {
    cache.invalidate(tenantId.toString());
  }

  @Override
  public void close() {
    cache.close();
  }

  static String encode(Access access) {
    return String.join(
        "\n",
        access.enabled() ? "1" : "0",
        String.join(",", access.roles()),
        String.join(",", access.permissions()),
        access.profile());
  }

  /** The entry, or null when it is malformed. */
  static Access decode(UUID userId, String text) {
    String[] parts = text.split("\n", -1);
    if (parts.length != 4) {
      return null;
    }
    return new Access(userId, "1".equals(parts[0]), set(parts[1]), set(parts[2]), parts[3]);
  }

  private static Set<String> set(String joined) {
    return joined.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(joined.split(",")));
  }
}
