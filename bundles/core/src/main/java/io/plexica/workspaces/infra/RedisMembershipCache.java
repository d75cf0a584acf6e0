package io.plexica.workspaces.infra;

import io.plexica.shared.cache.CacheSeal;
import io.plexica.shared.cache.LayeredCache;
import io.plexica.workspaces.app.MembershipCache;
import io.plexica.workspaces.app.Standing;
import io.plexica.workspaces.domain.WorkspaceRole;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import redis.clients.jedis.JedisPooled;

/**
 * Membership look-ups in this node's memory and in Redis, shared by every node ({@link
 * LayeredCache}): one group per workspace, so a change of a workspace's members invalidates its
 * entries on every node. Keys {@code plexica:membership:v1:<tenant>:<workspace>:<user>}.
 */
public class RedisMembershipCache implements MembershipCache, AutoCloseable {
  static final String PREFIX = "plexica:membership:v1:";

  /** Memberships one node keeps in memory at most (a few tens of MB). */
  private static final int MAX_LOCAL_ENTRIES = 200_000;

  private static final String NO_WORKSPACE = "-";
  private static final String NOT_A_MEMBER = "none";

  private final LayeredCache<Standing> cache;

  /**
   * The platform's membership cache: memberships shared through Redis for five minutes, kept in a
   * node's memory for a minute at most, in case an invalidation message was lost.
   */
  public static RedisMembershipCache standard(JedisPooled redis, CacheSeal seal) {
    return new RedisMembershipCache(redis, seal, Duration.ofMinutes(5), Duration.ofMinutes(1));
  }

  public RedisMembershipCache(
      JedisPooled redis, CacheSeal seal, Duration redisTtl, Duration localTtl) {
    this.cache =
        new LayeredCache<>(
            redis,
            seal,
            PREFIX,
            new LayeredCache.Codec<>(RedisMembershipCache::encode, (member, text) -> decode(text)),
            redisTtl,
            localTtl,
            MAX_LOCAL_ENTRIES);
  }

  /** Whether this node currently hears invalidations (and so keeps entries in memory). */
  public boolean listening() {
    return cache.listening();
  }

  @Override
  public Standing get(UUID tenantId, UUID workspaceId, UUID userId, Supplier<Standing> load) {
    return cache.get(tenantId + ":" + workspaceId, userId.toString(), load);
  }

  @Override
  public void invalidate(UUID tenantId, UUID workspaceId) {
    cache.invalidate(tenantId + ":" + workspaceId);
  }

  @Override
  public void close() {
    cache.close();
  }

  static String encode(Standing standing) {
    if (!standing.workspaceExists()) {
      return NO_WORKSPACE;
    }
    return standing.role().map(Enum::name).orElse(NOT_A_MEMBER);
  }

  /** The entry, or null when it is malformed. */
  static Standing decode(String value) {
    return switch (value) {
      case NO_WORKSPACE -> Standing.NO_WORKSPACE;
      case NOT_A_MEMBER -> Standing.NOT_A_MEMBER;
      default -> {
        try {
          yield Standing.member(WorkspaceRole.valueOf(value));
        } catch (IllegalArgumentException e) {
          yield null;
        }
      }
    };
  }
}
