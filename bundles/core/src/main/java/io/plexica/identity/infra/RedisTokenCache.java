package io.plexica.identity.infra;

import io.plexica.identity.app.TokenCache;
import java.time.Duration;
import java.util.Optional;
import redis.clients.jedis.JedisPooled;

/** Verified tokens in Redis under {@code plexica:token:v1:<sha-256 of the token>}. */
public class RedisTokenCache implements TokenCache {
  private static final String PREFIX = "plexica:token:v1:";

  private final JedisPooled redis;

  public RedisTokenCache(JedisPooled redis) {
    this.redis = redis;
  }

  @Override
  public Optional<Entry> find(String tokenHash) {
    String value = redis.get(PREFIX + tokenHash);
    if (value == null) {
      return Optional.empty();
    }
    int split = value.indexOf('\n');
    return split < 0
        ? Optional.empty()
        : Optional.of(new Entry(value.substring(0, split), value.substring(split + 1)));
  }

  @Override
  public void put(String tokenHash, Entry entry, Duration ttl) {
    redis.psetex(PREFIX + tokenHash, ttl.toMillis(), entry.realm() + "\n" + entry.claimsJson());
  }
}
