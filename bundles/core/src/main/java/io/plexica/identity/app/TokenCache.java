package io.plexica.identity.app;

import java.time.Duration;
import java.util.Optional;

/**
 * Remembers verified tokens by a hash of the token (never the token), for at most their remaining
 * life, so that each token's signature is checked once across all replicas.
 */
public interface TokenCache {
  Optional<Entry> find(String tokenHash);

  void put(String tokenHash, Entry entry, Duration ttl);

  /** What a cached entry holds: the realm and the verified claims. */
  record Entry(String realm, String claimsJson) {}
}
