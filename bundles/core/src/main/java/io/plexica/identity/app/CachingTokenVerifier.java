package io.plexica.identity.app;

import io.plexica.identity.domain.VerifiedToken;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies a token once and then trusts this node's memory until the token expires (or for at most
 * {@code maxTtl}). Verified tokens are never kept in a shared cache: whoever can write to a shared
 * store could otherwise plant a "verified" token (decision 0012). Each replica pays one signature
 * check per token, a fraction of a millisecond.
 */
public class CachingTokenVerifier implements TokenVerifier {
  private final TokenVerifier verifier;
  private final Clock clock;
  private final Duration maxTtl;
  private final int maxEntries;
  private final ConcurrentHashMap<String, Entry> verified = new ConcurrentHashMap<>();

  private record Entry(VerifiedToken token, Instant until) {}

  public CachingTokenVerifier(
      TokenVerifier verifier, Clock clock, Duration maxTtl, int maxEntries) {
    this.verifier = verifier;
    this.clock = clock;
    this.maxTtl = maxTtl;
    this.maxEntries = maxEntries;
  }

  @Override
  public VerifiedToken verify(String token) {
    String hash = sha256(token);
    Instant now = clock.instant();
    Entry cached = verified.get(hash);
    if (cached != null && cached.until().isAfter(now)) {
      return cached.token();
    }
    VerifiedToken fresh = verifier.verify(token);
    Instant limit = now.plus(maxTtl);
    Instant until = fresh.expiresAt().isBefore(limit) ? fresh.expiresAt() : limit;
    if (until.isAfter(now)) {
      makeRoom(now);
      verified.put(hash, new Entry(fresh, until));
    }
    return fresh;
  }

  @Override
  public void forgetRealm(String realm) {
    verified.values().removeIf(e -> e.token().realm().equals(realm));
    verifier.forgetRealm(realm);
  }

  /** How many tokens this node remembers now. */
  public int size() {
    return verified.size();
  }

  /** Expired tokens go first; a flood of distinct valid tokens costs speed, never memory. */
  private void makeRoom(Instant now) {
    if (verified.size() < maxEntries) {
      return;
    }
    verified.values().removeIf(e -> !e.until().isAfter(now));
    if (verified.size() >= maxEntries) {
      verified.clear();
    }
  }

  /** The key: a SHA-256 of the token, so even a heap dump holds no usable credential as a key. */
  static String sha256(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
    }
  }
}
