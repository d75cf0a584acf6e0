package io.plexica.shared.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Redis holds security decisions: outside dev mode it needs credentials and a sealing secret. */
class RedisSettingsTest {
  private static final String SECRET = "a-secret-of-at-least-thirty-two-bytes!";

  @Test
  void outsideDevModeAPasswordAndACacheSecretAreRequired() {
    assertThatThrownBy(() -> RedisSettings.of("redis", 6379, null, null, true, null, false))
        .hasMessageContaining("PLEXICA_REDIS_PASSWORD")
        .hasMessageContaining("PLEXICA_CACHE_SECRET");
    assertThatThrownBy(() -> RedisSettings.of("redis", 6379, "u", "p", true, "short", false))
        .hasMessageContaining("at least 32 bytes");
  }

  @Test
  void credentialsAndTlsReachTheClientAndNeverTheLog() {
    RedisSettings settings = RedisSettings.of("redis", 6380, "plexica", "pw", true, SECRET, false);

    assertThat(settings.clientConfig().getUser()).isEqualTo("plexica");
    assertThat(settings.clientConfig().getPassword()).isEqualTo("pw");
    assertThat(settings.clientConfig().isSsl()).isTrue();
    assertThat(settings.toString()).doesNotContain("pw", SECRET);
  }

  @Test
  void aSealHoldsOnlyForItsKeyItsSecretAndUntilItsExpiry() {
    CacheSeal seal = new CacheSeal(SECRET);
    Instant now = Instant.now();
    String sealed = seal.seal("k1", "value", now.plusSeconds(60));

    assertThat(seal.open("k1", sealed, now)).contains("value");
    assertThat(seal.open("k2", sealed, now)).as("moved to another key").isEmpty();
    assertThat(seal.open("k1", sealed, now.plusSeconds(61))).as("expired").isEmpty();
    assertThat(new CacheSeal(SECRET + "x").open("k1", sealed, now)).as("other secret").isEmpty();
    assertThat(seal.open("k1", sealed.replace("value", "VALUE"), now)).as("altered").isEmpty();
    assertThat(seal.open("k1", "garbage", now)).isEmpty();
  }
}
