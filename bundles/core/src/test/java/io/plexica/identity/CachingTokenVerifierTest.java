package io.plexica.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plexica.identity.app.CachingTokenVerifier;
import io.plexica.identity.app.TokenVerifier;
import io.plexica.identity.domain.IdentityProblems;
import io.plexica.identity.domain.VerifiedToken;
import io.plexica.identity.infra.RedisTokenCache;
import io.plexica.shared.problem.ProblemException;
import jakarta.json.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/**
 * The token cache against the real Redis that {@code bin/plexica test} starts: a token is verified
 * once, cached under its hash only, never past its expiry, and a dead cache only costs speed.
 */
class CachingTokenVerifierTest {
  private static final String HOST = System.getProperty("plexica.redis.host", "127.0.0.1");
  private static final int PORT =
      Integer.parseInt(System.getProperty("plexica.redis.port", "26379"));
  private static final JedisPooled REDIS = new JedisPooled(HOST, PORT);
  private static final RedisTokenCache CACHE = new RedisTokenCache(REDIS);

  @AfterAll
  static void close() {
    REDIS.close();
  }

  /** Counts how often the real verification would run; answers with a token valid for a while. */
  private static final class CountingVerifier implements TokenVerifier {
    final AtomicInteger calls = new AtomicInteger();
    private final Duration life;

    CountingVerifier(Duration life) {
      this.life = life;
    }

    @Override
    public VerifiedToken verify(String token) {
      calls.incrementAndGet();
      if (token.startsWith("bad")) {
        throw new ProblemException(IdentityProblems.INVALID_TOKEN, "bad");
      }
      return new VerifiedToken(
          "acme",
          Json.createObjectBuilder()
              .add("sub", "u1")
              .add("exp", Instant.now().plus(life).getEpochSecond())
              .build());
    }
  }

  @Test
  void aTokenIsVerifiedOnceAndCachedByItsHashForItsRemainingLife() {
    var counting = new CountingVerifier(Duration.ofSeconds(90));
    var verifier =
        new CachingTokenVerifier(counting, CACHE, Clock.systemUTC(), Duration.ofMinutes(5));
    String token = "header." + UUID.randomUUID() + ".signature";

    VerifiedToken first = verifier.verify(token);
    VerifiedToken second = verifier.verify(token);

    assertThat(counting.calls).hasValue(1);
    assertThat(second.realm()).isEqualTo("acme");
    assertThat(second.subject()).isEqualTo(first.subject());
    try (JedisPooled redis = new JedisPooled(HOST, PORT)) {
      String key = "plexica:token:v1:" + sha256(token);
      assertThat(redis.get(key)).doesNotContain(token);
      assertThat(redis.pttl(key)).isBetween(1L, 90_000L);
      assertThat(redis.keys("*" + token + "*")).isEmpty();
    }
  }

  @Test
  void theCacheNeverOutlivesMaxTtl() {
    var verifier =
        new CachingTokenVerifier(
            new CountingVerifier(Duration.ofHours(1)),
            CACHE,
            Clock.systemUTC(),
            Duration.ofSeconds(30));
    String token = "header." + UUID.randomUUID() + ".signature";

    verifier.verify(token);

    try (JedisPooled redis = new JedisPooled(HOST, PORT)) {
      assertThat(redis.pttl("plexica:token:v1:" + sha256(token))).isBetween(1L, 30_000L);
    }
  }

  @Test
  void badTokensAreNeverCached() {
    var counting = new CountingVerifier(Duration.ofMinutes(1));
    var verifier =
        new CachingTokenVerifier(counting, CACHE, Clock.systemUTC(), Duration.ofMinutes(5));
    String token = "bad." + UUID.randomUUID();

    assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(ProblemException.class);
    assertThat(counting.calls).hasValue(2);
  }

  @Test
  void anUnreachableCacheOnlyCostsSpeed() {
    var counting = new CountingVerifier(Duration.ofMinutes(1));
    try (JedisPooled nowhere = new JedisPooled("127.0.0.1", 1)) {
      var verifier =
          new CachingTokenVerifier(
              counting, new RedisTokenCache(nowhere), Clock.systemUTC(), Duration.ofMinutes(5));

      assertThat(verifier.verify("header.payload.sig").subject()).isEqualTo("u1");
      assertThat(verifier.verify("header.payload.sig").subject()).isEqualTo("u1");
      assertThat(counting.calls).hasValue(2);
    }
  }

  private static String sha256(String text) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
