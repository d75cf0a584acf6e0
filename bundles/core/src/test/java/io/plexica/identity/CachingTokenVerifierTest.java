package io.plexica.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plexica.identity.app.CachingTokenVerifier;
import io.plexica.identity.app.TokenVerifier;
import io.plexica.identity.domain.IdentityProblems;
import io.plexica.identity.domain.VerifiedToken;
import io.plexica.shared.problem.ProblemException;
import io.plexica.testing.ManualClock;
import jakarta.json.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The token cache: a token is verified once per node, kept only in that node's memory, never past
 * its expiry or the cache's limit, bounded in size, and forgotten with its realm.
 */
class CachingTokenVerifierTest {

  /** Counts how often the real verification would run; answers with a token valid for a while. */
  private static final class CountingVerifier implements TokenVerifier {
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger forgotten = new AtomicInteger();
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
          token.startsWith("other") ? "other" : "acme",
          Json.createObjectBuilder()
              .add("sub", "u1")
              .add("exp", Instant.now().plus(life).getEpochSecond())
              .build());
    }

    @Override
    public void forgetRealm(String realm) {
      forgotten.incrementAndGet();
    }
  }

  private static String token() {
    return "header." + UUID.randomUUID() + ".signature";
  }

  @Test
  void aTokenIsVerifiedOnceAndThenServedFromMemory() {
    var counting = new CountingVerifier(Duration.ofSeconds(90));
    var verifier =
        new CachingTokenVerifier(counting, Clock.systemUTC(), Duration.ofMinutes(5), 100);
    String token = token();

    VerifiedToken first = verifier.verify(token);
    VerifiedToken second = verifier.verify(token);

    assertThat(counting.calls).hasValue(1);
    assertThat(second).isSameAs(first);
  }

  @Test
  void aCachedTokenIsVerifiedAgainAfterTheCacheLimitAndNeverUsedPastItsExpiry() {
    var clock = new ManualClock();
    var counting = new CountingVerifier(Duration.ofHours(1));
    var verifier = new CachingTokenVerifier(counting, clock, Duration.ofSeconds(30), 100);
    String token = token();

    verifier.verify(token);
    clock.now = clock.now.plusSeconds(31);
    verifier.verify(token);

    assertThat(counting.calls).as("verified again after maxTtl").hasValue(2);

    var shortLived = new CountingVerifier(Duration.ofSeconds(20));
    var byExpiry = new CachingTokenVerifier(shortLived, clock, Duration.ofMinutes(5), 100);
    byExpiry.verify(token);
    clock.now = clock.now.plusSeconds(25);
    byExpiry.verify(token);
    assertThat(shortLived.calls).as("verified again once expired").hasValue(2);
  }

  @Test
  void badTokensAreNeverCached() {
    var counting = new CountingVerifier(Duration.ofMinutes(1));
    var verifier =
        new CachingTokenVerifier(counting, Clock.systemUTC(), Duration.ofMinutes(5), 100);
    String token = "bad." + UUID.randomUUID();

    assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(ProblemException.class);
    assertThat(counting.calls).hasValue(2);
  }

  @Test
  void aFloodOfDistinctTokensNeverGrowsTheCachePastItsBound() {
    var verifier =
        new CachingTokenVerifier(
            new CountingVerifier(Duration.ofMinutes(1)),
            Clock.systemUTC(),
            Duration.ofMinutes(5),
            50);

    for (int i = 0; i < 500; i++) {
      verifier.verify(token());
    }

    assertThat(verifier.size()).isBetween(1, 50);
  }

  @Test
  void aForgottenRealmsTokensAreVerifiedAgain() {
    var counting = new CountingVerifier(Duration.ofMinutes(1));
    var verifier =
        new CachingTokenVerifier(counting, Clock.systemUTC(), Duration.ofMinutes(5), 100);
    String acme = token();
    String other = "other." + UUID.randomUUID();
    verifier.verify(acme);
    verifier.verify(other);

    verifier.forgetRealm("acme");
    verifier.verify(acme);
    verifier.verify(other);

    assertThat(counting.calls).as("acme's token verified again, the other realm's not").hasValue(3);
    assertThat(counting.forgotten).as("the keys of the realm are forgotten too").hasValue(1);
  }
}
