package io.plexica.tenancy.infra;

import io.plexica.shared.cache.RedisInvalidations;
import io.plexica.tenancy.app.ActiveTenants;
import io.plexica.tenancy.domain.TenantRef;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import redis.clients.jedis.JedisPooled;

/**
 * Active tenants in this node's memory, by id; a change is announced on a Redis channel, on which
 * every node forgets that tenant (v2: by id; v1 named slugs). Only what Redis cannot lose is kept:
 * nothing while this node does not hear the channel (a message sent then would be missed), nothing
 * loaded while a change arrived, and nothing longer than {@code ttl}, in case a message was lost
 * all the same.
 */
public class RedisActiveTenants implements ActiveTenants, AutoCloseable {
  static final String CHANNEL = "plexica:tenants:v2:changed";

  private final long ttlNanos;
  private final ConcurrentHashMap<String, Entry> byId = new ConcurrentHashMap<>();

  /** Counts the changes heard, so that a load that raced one is not kept. */
  private final AtomicLong changes = new AtomicLong();

  private final RedisInvalidations invalidations;

  private final List<Consumer<String>> followers = new CopyOnWriteArrayList<>();

  private record Entry(TenantRef tenant, long expiresAt) {}

  /**
   * The platform's memory of active tenants: 30 s at most in a node; a change reaches every node
   * through Redis at once, and the 30 s bound what a lost message can delay.
   */
  public static RedisActiveTenants standard(JedisPooled redis) {
    return new RedisActiveTenants(redis, Duration.ofSeconds(30));
  }

  public RedisActiveTenants(JedisPooled redis, Duration ttl) {
    this.ttlNanos = ttl.toNanos();
    this.invalidations = new RedisInvalidations(redis, CHANNEL, this::forget, this::forgetAll);
  }

  /** Whether this node hears changes (and so keeps tenants in memory). */
  public boolean listening() {
    return invalidations.listening();
  }

  @Override
  public TenantRef get(String id, Supplier<TenantRef> load) {
    Entry hit = byId.get(id);
    if (hit != null && hit.expiresAt - System.nanoTime() > 0) {
      return hit.tenant;
    }
    long before = changes.get();
    TenantRef loaded = load.get();
    if (invalidations.listening() && changes.get() == before) {
      Entry entry = new Entry(loaded, System.nanoTime() + ttlNanos);
      byId.put(id, entry);
      if (changes.get() != before) {
        // A change arrived while the entry went in.
        byId.remove(id, entry);
      }
    }
    return loaded;
  }

  @Override
  public void changed(String id) {
    forget(id);
    // When Redis cannot be reached, the other nodes hold the tenant for the ttl at most.
    invalidations.publish(id);
  }

  @Override
  public void onChange(Consumer<String> forget) {
    followers.add(forget);
  }

  private void forget(String id) {
    changes.incrementAndGet();
    byId.remove(id);
    followers.forEach(follower -> follower.accept(id));
  }

  private void forgetAll() {
    changes.incrementAndGet();
    byId.clear();
    followers.forEach(follower -> follower.accept(null));
  }

  @Override
  public void close() {
    invalidations.close();
  }
}
