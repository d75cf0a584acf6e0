package io.plexica.identity.app;

import io.plexica.identity.domain.VerifiedToken;
import io.plexica.shared.json.JsonText;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Verifies a token once and then trusts the cache until the token expires (or for at most {@code
 * maxTtl}). The cache is an optimisation: when it fails, tokens are verified again.
 */
public class CachingTokenVerifier implements TokenVerifier {
  private static final Logger LOG = Logger.getLogger(CachingTokenVerifier.class.getName());

  private final TokenVerifier verifier;
  private final TokenCache cache;
  private final Clock clock;
  private final Duration maxTtl;

  public CachingTokenVerifier(
      TokenVerifier verifier, TokenCache cache, Clock clock, Duration maxTtl) {
    this.verifier = verifier;
    this.cache = cache;
    this.clock = clock;
    this.maxTtl = maxTtl;
  }

  @Override
  public VerifiedToken verify(String token) {
    String hash = sha256(token);
    Instant now = clock.instant();
    Optional<VerifiedToken> cached = cached(hash).filter(t -> t.expiresAt().isAfter(now));
    if (cached.isPresent()) {
      return cached.get();
    }
    VerifiedToken verified = verifier.verify(token);
    Duration remaining = Duration.between(now, verified.expiresAt());
    Duration ttl = remaining.compareTo(maxTtl) < 0 ? remaining : maxTtl;
    if (!ttl.isNegative() && !ttl.isZero()) {
      try {
        cache.put(hash, new TokenCache.Entry(verified.realm(), verified.claims().toString()), ttl);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Token cache unavailable; tokens are verified on every request", e);
      }
    }
    return verified;
  }

  private Optional<VerifiedToken> cached(String hash) {
    try {
      return cache
          .find(hash)
          .map(e -> new VerifiedToken(e.realm(), JsonText.object(e.claimsJson())));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Token cache unavailable; verifying the token instead", e);
      return Optional.empty();
    }
  }

  /** The cache key: a SHA-256 of the token, so the cache never holds a usable credential. */
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
