package io.plexica.workspaces.infra;

import io.plexica.shared.cache.CacheSeal;
import io.plexica.workspaces.app.MembershipCache;
import io.plexica.workspaces.app.Standing;
import io.plexica.workspaces.domain.WorkspaceRole;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Membership look-ups in Redis, shared by every node, for {@code ttl} (five minutes in production).
 * Each workspace has a generation counter; an entry counts only under the generation it was loaded
 * in, and {@link #invalidate} increments the counter, so after a change no node reads an older
 * entry. Counter and entry come back in one round trip. Nothing is kept in a node's memory, so
 * there is nothing to tell other nodes. With Redis down, every look-up reads the database.
 *
 * <p>Keys {@code plexica:membership:v1:<tenant>:<workspace>:gen} and {@code
 * ...:<workspace>:<user>}: no look-up of one tenant can read another's entry.
 */
public class RedisMembershipCache implements MembershipCache {
  private static final Logger LOG = Logger.getLogger(RedisMembershipCache.class.getName());
  static final String PREFIX = "plexica:membership:v1:";

  /** Counters outlive every entry; one untouched for a day starts again from zero, harmlessly. */
  private static final long GENERATION_TTL_SECONDS = Duration.ofDays(1).toSeconds();

  private static final String NO_WORKSPACE = "-";
  private static final String NOT_A_MEMBER = "none";

  private final JedisPooled redis;
  private final CacheSeal seal;
  private final long ttlSeconds;

  public RedisMembershipCache(JedisPooled redis, CacheSeal seal, Duration ttl) {
    this.redis = redis;
    this.seal = seal;
    this.ttlSeconds = Math.max(1, ttl.toSeconds());
  }

  @Override
  public Standing get(UUID tenantId, UUID workspaceId, UUID userId, Supplier<Standing> load) {
    String workspaceKey = PREFIX + tenantId + ":" + workspaceId;
    String entryKey = workspaceKey + ":" + userId;
    List<String> values;
    try {
      values = redis.mget(workspaceKey + ":gen", entryKey);
    } catch (JedisException e) {
      LOG.log(Level.WARNING, "Membership cache unavailable; reading the database", e);
      return load.get();
    }
    String generation = values.get(0) == null ? "0" : values.get(0);
    Standing cached =
        seal.open(entryKey, values.get(1), Instant.now())
            .map(value -> decode(generation, value))
            .orElse(null);
    if (cached != null) {
      return cached;
    }
    Standing loaded = load.get();
    try {
      // Stored under the generation read before loading: an invalidation in between makes it stale.
      String value = generation + ":" + encode(loaded);
      redis.setex(
          entryKey, ttlSeconds, seal.seal(entryKey, value, Instant.now().plusSeconds(ttlSeconds)));
    } catch (JedisException e) {
      LOG.log(Level.FINE, "Could not cache a membership", e);
    }
    return loaded;
  }

  @Override
  public void invalidate(UUID tenantId, UUID workspaceId) {
    String generationKey = PREFIX + tenantId + ":" + workspaceId + ":gen";
    try {
      redis.incr(generationKey);
      redis.expire(generationKey, GENERATION_TTL_SECONDS);
    } catch (JedisException e) {
      LOG.log(
          Level.SEVERE,
          "Could not invalidate cached memberships of workspace "
              + workspaceId
              + "; nodes may use them until they expire",
          e);
    }
  }

  static String encode(Standing standing) {
    if (!standing.workspaceExists()) {
      return NO_WORKSPACE;
    }
    return standing.role().map(Enum::name).orElse(NOT_A_MEMBER);
  }

  /** The entry, or null when it is missing, malformed or of another generation. */
  static Standing decode(String generation, String value) {
    if (value == null || !value.startsWith(generation + ":")) {
      return null;
    }
    String standing = value.substring(generation.length() + 1);
    return switch (standing) {
      case NO_WORKSPACE -> Standing.NO_WORKSPACE;
      case NOT_A_MEMBER -> Standing.NOT_A_MEMBER;
      default -> {
        try {
          yield Standing.member(WorkspaceRole.valueOf(standing));
        } catch (IllegalArgumentException e) {
          yield null;
        }
      }
    };
  }
}
