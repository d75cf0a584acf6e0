package io.plexica.shared.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPooled;

/**
 * How the platform reaches Redis and seals what it caches there. Redis holds security decisions, so
 * outside dev mode it must be reached with a password (an ACL user optionally) and the cache secret
 * must be set; TLS is a setting for networks where Redis is not on a private link.
 */
public record RedisSettings(
    String host, int port, String user, String password, boolean tls, String cacheSecret) {

  /** Dev mode's cache secret when none is set: known to anyone, so refused outside dev mode. */
  static final String DEV_CACHE_SECRET = "plexica-dev-cache-secret-not-for-production";

  /** The settings, or a refusal naming every missing one when not in dev mode. */
  public static RedisSettings of(
      String host,
      int port,
      String user,
      String password,
      boolean tls,
      String cacheSecret,
      boolean devMode) {
    List<String> missing = new ArrayList<>();
    if (!devMode && blank(password)) {
      missing.add("plexica.redis.password (PLEXICA_REDIS_PASSWORD)");
    }
    if (!devMode && blank(cacheSecret)) {
      missing.add("plexica.cache.secret (PLEXICA_CACHE_SECRET)");
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          String.join(" and ", missing) + " must be set unless plexica.identity.dev-mode is true");
    }
    String secret = blank(cacheSecret) ? DEV_CACHE_SECRET : cacheSecret;
    if (secret.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
        < CacheSeal.MIN_SECRET_BYTES) {
      throw new IllegalStateException(
          "plexica.cache.secret must be at least " + CacheSeal.MIN_SECRET_BYTES + " bytes long");
    }
    return new RedisSettings(
        host, port, blank(user) ? null : user, blank(password) ? null : password, tls, secret);
  }

  public JedisClientConfig clientConfig() {
    return DefaultJedisClientConfig.builder().user(user).password(password).ssl(tls).build();
  }

  /**
   * Connections a node keeps to Redis. Every API request takes one or two round trips (rate limit,
   * membership) on Liberty's request threads; with the client's default of 8, threads queued for a
   * connection under load (docs/benchmarks.md, "Request cost").
   */
  static final int POOL_SIZE = 32;

  /**
   * How long a thread waits for a pooled connection before the call fails as if Redis were down
   * (every caller then falls back: loads from the database, lets the request through): a pool
   * exhausted by a fault must slow requests down, never hang them.
   */
  static final Duration POOL_WAIT = Duration.ofSeconds(2);

  public JedisPooled connect() {
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    pool.setMaxTotal(POOL_SIZE);
    pool.setMaxIdle(POOL_SIZE);
    pool.setMinIdle(2);
    pool.setMaxWait(POOL_WAIT);
    return new JedisPooled(pool, new HostAndPort(host, port), clientConfig());
  }

  public CacheSeal seal() {
    return new CacheSeal(cacheSecret);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  @Override
  public String toString() {
    // Never print the password or the secret, whatever logs this record.
    return "RedisSettings[" + host + ":" + port + ", user " + user + ", tls " + tls + "]";
  }
}
