package io.plexica.shared.cache;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A security decision (a user's permissions, a workspace membership) cached in two levels: this
 * node's memory, then Redis, shared by every node. Entries belong to a <em>group</em> (a tenant, a
 * workspace), the unit of invalidation, and are found by a <em>member</em> in it (a user).
 *
 * <p>Each group has a generation counter in Redis; an entry is valid only under the generation it
 * was loaded in. {@link #invalidate} increments the counter (so no node can read an older entry
 * from Redis any more) and publishes the group, on which every node drops its entries of that group
 * from memory. A load that races an invalidation is not kept. While the subscription is down,
 * nothing is kept in memory, because this node would not hear of changes; while Redis is down,
 * every look-up loads from the database. A node keeps an entry in memory for {@code localTtl} at
 * most, in case a message was lost, and at most {@code maxLocalEntries} entries (beyond, it starts
 * again from empty).
 *
 * <p>Entries in Redis are sealed ({@link CacheSeal}): one planted or moved by someone who can write
 * to Redis is ignored and loaded again. Keys: {@code <prefix><group>:gen} and {@code
 * <prefix><group>:<member>}, channel {@code <prefix>invalidations}; a group's name contains its
 * tenant's id, so no look-up of one tenant can read another's entry.
 */
public class LayeredCache<V> implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(LayeredCache.class.getName());

  /**
   * How an entry is written in Redis: {@code encode} a value to text, {@code decode} a member's
   * text back (null for what it cannot read).
   */
  public record Codec<V>(Function<V, String> encode, BiFunction<String, String, V> decode) {}

  private final JedisPooled redis;
  private final CacheSeal seal;
  private final String prefix;
  private final Codec<V> codec;
  private final long redisTtlSeconds;
  private final long localTtlNanos;
  private final int maxLocalEntries;
  private final AtomicInteger localEntries = new AtomicInteger();
  private final ConcurrentHashMap<String, GroupEntries<V>> local = new ConcurrentHashMap<>();
  private final RedisInvalidations invalidations;

  private static final class GroupEntries<V> {
    final AtomicLong generation = new AtomicLong();
    final ConcurrentHashMap<String, LocalEntry<V>> members = new ConcurrentHashMap<>();
  }

  private record LocalEntry<V>(V value, long expiresAt) {}

  public LayeredCache(
      JedisPooled redis,
      CacheSeal seal,
      String prefix,
      Codec<V> codec,
      Duration redisTtl,
      Duration localTtl,
      int maxLocalEntries) {
    this.redis = redis;
    this.seal = seal;
    this.prefix = prefix;
    this.codec = codec;
    this.redisTtlSeconds = Math.max(1, redisTtl.toSeconds());
    this.localTtlNanos = localTtl.toNanos();
    this.maxLocalEntries = maxLocalEntries;
    this.invalidations =
        new RedisInvalidations(
            redis, prefix + "invalidations", this::dropLocal, this::dropAllLocal);
  }

  /** Whether this node currently hears invalidations (and so keeps entries in memory). */
  public boolean listening() {
    return invalidations.listening();
  }

  public V get(String group, String member, Supplier<V> load) {
    GroupEntries<V> entries = local.computeIfAbsent(group, g -> new GroupEntries<>());
    long generation = entries.generation.get();
    LocalEntry<V> hit = entries.members.get(member);
    if (hit != null && hit.expiresAt - System.nanoTime() > 0) {
      return hit.value;
    }
    Shared<V> shared;
    try {
      shared = shared(group, member, load);
    } catch (JedisException e) {
      LOG.log(Level.WARNING, "Cache " + prefix + " unavailable; loading from the database", e);
      return load.get();
    }
    V value = shared.value();
    if (shared.current()
        && localTtlNanos > 0
        && invalidations.listening()
        && entries.generation.get() == generation) {
      if (localEntries.incrementAndGet() > maxLocalEntries) {
        dropAllLocal();
      }
      LocalEntry<V> entry = new LocalEntry<>(value, System.nanoTime() + localTtlNanos);
      entries.members.put(member, entry);
      if (entries.generation.get() != generation) {
        // An invalidation arrived while the entry went in.
        entries.members.remove(member, entry);
      }
    }
    return value;
  }

  /** An answer from Redis or the database; not current when an invalidation raced its load. */
  private record Shared<V>(V value, boolean current) {}

  private Shared<V> shared(String group, String member, Supplier<V> load) {
    String entryKey = prefix + group + ":" + member;
    List<String> values = redis.mget(generationKey(group), entryKey);
    String generation = values.get(0) == null ? "0" : values.get(0);
    V cached =
        seal.open(entryKey, values.get(1), Instant.now())
            .map(text -> decode(member, generation, text))
            .orElse(null);
    if (cached != null) {
      return new Shared<>(cached, true);
    }
    V loaded = load.get();
    // Stored under the generation read before loading: an invalidation in between makes it stale.
    redis.setex(
        entryKey,
        redisTtlSeconds,
        seal.seal(
            entryKey,
            generation + "\n" + codec.encode().apply(loaded),
            Instant.now().plusSeconds(redisTtlSeconds)));
    // Another node's invalidation reaches this node's memory only when its message arrives; the
    // counter in Redis tells at once whether one happened during the load.
    String after = redis.get(generationKey(group));
    return new Shared<>(loaded, generation.equals(after == null ? "0" : after));
  }

  private V decode(String member, String generation, String text) {
    int newline = text.indexOf('\n');
    if (newline < 0 || !text.substring(0, newline).equals(generation)) {
      return null;
    }
    return codec.decode().apply(member, text.substring(newline + 1));
  }

  public void invalidate(String group) {
    dropLocal(group);
    String generationKey = generationKey(group);
    try {
      redis.incr(generationKey);
      // Counters outlive every entry; one untouched for a day starts again from zero, harmlessly.
      redis.expire(generationKey, Duration.ofDays(1).toSeconds());
      invalidations.publish(group);
    } catch (JedisException e) {
      LOG.log(
          Level.SEVERE,
          "Could not invalidate "
              + prefix
              + group
              + " in Redis; other nodes may use their entries until they expire",
          e);
    }
  }

  private void dropLocal(String group) {
    // A load in flight created its group's entries first, so a group without any has nothing to
    // drop (and messages about other nodes' groups create nothing here).
    GroupEntries<V> entries = local.get(group);
    if (entries != null) {
      entries.generation.incrementAndGet();
      entries.members.clear();
    }
  }

  private void dropAllLocal() {
    localEntries.set(0);
    local.keySet().forEach(this::dropLocal);
    local.entrySet().removeIf(e -> e.getValue().members.isEmpty());
  }

  private String generationKey(String group) {
    return prefix + group + ":gen";
  }

  @Override
  public void close() {
    invalidations.close();
  }
}
