package io.plexica.identity.infra;

import io.plexica.identity.app.AccessCache;
import io.plexica.identity.domain.Access;
import io.plexica.shared.cache.CacheSeal;
import io.plexica.shared.cache.RedisInvalidations;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Effective access in two levels: this node's memory, then Redis, shared by every node.
 *
 * <p>Each tenant has a generation counter in Redis; an entry is valid only under the generation it
 * was loaded in. {@link #invalidate} increments the counter (so no node can read an older entry
 * from Redis any more) and publishes the tenant's id, on which every node drops its local entries.
 * A load that races an invalidation is not cached. While the subscription is down, nothing is kept
 * locally, because this node would not hear of changes; while Redis is down, access is loaded from
 * the database on every request.
 *
 * <p>Entries are sealed ({@link CacheSeal}): an entry planted or moved by someone who can write to
 * Redis is ignored and loaded again from the database.
 *
 * <p>Keys: {@code plexica:access:v1:<tenant>:gen} and {@code plexica:access:v1:<tenant>:<user>}, so
 * no entry of one tenant can be read under another's key.
 */
public class RedisAccessCache implements AccessCache, AutoCloseable {
  private static final Logger LOG = Logger.getLogger(RedisAccessCache.class.getName());
  static final String PREFIX = "plexica:access:v1:";
  static final String CHANNEL = PREFIX + "invalidations";

  private final JedisPooled redis;
  private final CacheSeal seal;
  private final long redisTtlSeconds;
  private final long localTtlNanos;
  private final ConcurrentHashMap<UUID, TenantEntries> local = new ConcurrentHashMap<>();
  private final RedisInvalidations invalidations;

  private static final class TenantEntries {
    final AtomicLong generation = new AtomicLong();
    final ConcurrentHashMap<UUID, LocalEntry> users = new ConcurrentHashMap<>();
  }

  private record LocalEntry(Access access, long expiresAt) {}

  public RedisAccessCache(JedisPooled redis, CacheSeal seal, Duration redisTtl, Duration localTtl) {
    this.redis = redis;
    this.seal = seal;
    this.redisTtlSeconds = Math.max(1, redisTtl.toSeconds());
    this.localTtlNanos = localTtl.toNanos();
    this.invalidations =
        new RedisInvalidations(redis, CHANNEL, this::dropLocal, this::dropAllLocal);
  }

  /** Whether this node currently hears invalidations (and so keeps entries in memory). */
  public boolean listening() {
    return invalidations.listening();
  }

  @Override
  public Access get(UUID tenantId, UUID userId, Supplier<Access> load) {
    TenantEntries entries = local.computeIfAbsent(tenantId, id -> new TenantEntries());
    long generation = entries.generation.get();
    LocalEntry hit = entries.users.get(userId);
    if (hit != null && hit.expiresAt - System.nanoTime() > 0) {
      return hit.access;
    }
    Shared shared;
    try {
      shared = shared(tenantId, userId, load);
    } catch (JedisException e) {
      LOG.log(Level.WARNING, "Access cache unavailable; loading permissions from the database", e);
      return load.get();
    }
    Access access = shared.access();
    if (shared.current() && invalidations.listening() && entries.generation.get() == generation) {
      LocalEntry entry = new LocalEntry(access, System.nanoTime() + localTtlNanos);
      entries.users.put(userId, entry);
      if (entries.generation.get() != generation) {
        // An invalidation arrived while the entry went in.
        entries.users.remove(userId, entry);
      }
    }
    return access;
  }

  /** An answer from Redis or the database; not current when an invalidation raced its load. */
  private record Shared(Access access, boolean current) {}

  private Shared shared(UUID tenantId, UUID userId, Supplier<Access> load) {
    String entryKey = PREFIX + tenantId + ":" + userId;
    List<String> values = redis.mget(generationKey(tenantId), entryKey);
    String generation = values.get(0) == null ? "0" : values.get(0);
    Access cached =
        seal.open(entryKey, values.get(1), Instant.now())
            .map(value -> decode(userId, generation, value))
            .orElse(null);
    if (cached != null) {
      return new Shared(cached, true);
    }
    Access loaded = load.get();
    // Stored under the generation read before loading: an invalidation in between makes it stale.
    redis.setex(
        entryKey,
        redisTtlSeconds,
        seal.seal(
            entryKey, encode(generation, loaded), Instant.now().plusSeconds(redisTtlSeconds)));
    // Another node's invalidation reaches this node's memory only when its message arrives; the
    // counter in Redis tells at once whether one happened during the load.
    String after = redis.get(generationKey(tenantId));
    return new Shared(loaded, generation.equals(after == null ? "0" : after));
  }

  @Override
  public void invalidate(UUID tenantId) {
    dropLocal(tenantId);
    try {
      redis.incr(generationKey(tenantId));
      invalidations.publish(tenantId.toString());
    } catch (JedisException e) {
      LOG.log(
          Level.SEVERE,
          "Could not invalidate cached permissions of tenant "
              + tenantId
              + " in Redis; other nodes may use them until they expire",
          e);
    }
  }

  private void dropLocal(String message) {
    try {
      dropLocal(UUID.fromString(message));
    } catch (IllegalArgumentException e) {
      LOG.warning("Ignoring a malformed access invalidation: " + message);
    }
  }

  private void dropLocal(UUID tenantId) {
    // A load in flight created its tenant's entries first, so a tenant without any has nothing to
    // drop (and messages about other nodes' tenants create nothing here).
    TenantEntries entries = local.get(tenantId);
    if (entries != null) {
      entries.generation.incrementAndGet();
      entries.users.clear();
    }
  }

  private void dropAllLocal() {
    local.keySet().forEach(this::dropLocal);
  }

  private static String generationKey(UUID tenantId) {
    return PREFIX + tenantId + ":gen";
  }

  @Override
  public void close() {
    invalidations.close();
  }

  static String encode(String generation, Access access) {
    return String.join(
        "\n",
        generation,
        access.enabled() ? "1" : "0",
        String.join(",", access.roles()),
        String.join(",", access.permissions()),
        access.profile());
  }

  /** The entry, or null when it is missing, malformed or of an older generation. */
  static Access decode(UUID userId, String generation, String value) {
    if (value == null) {
      return null;
    }
    String[] parts = value.split("\n", -1);
    if (parts.length != 5 || !parts[0].equals(generation)) {
      return null;
    }
    return new Access(userId, "1".equals(parts[1]), set(parts[2]), set(parts[3]), parts[4]);
  }

  private static Set<String> set(String joined) {
    return joined.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(joined.split(",")));
  }
}
