package io.plexica.shared.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Outside dev mode every secret must be set, and not to the value the repository gives it. */
class RequiredSettingsTest {

  @Test
  void devModeNeedsNothing() {
    assertThat(RequiredSettings.missing(name -> Optional.empty(), true)).isEmpty();
  }

  @Test
  void everyUnsetOrDevelopmentValuedSecretIsNamedAtOnce() {
    Map<String, String> settings = new HashMap<>();
    RequiredSettings.SECRETS.keySet().forEach(name -> settings.put(name, "a-real-secret-value"));
    settings.put("plexica.db.password", "plexica");
    settings.remove("plexica.redis.password");
    settings.put("plexica.cache.secret", "  ");

    assertThat(RequiredSettings.missing(name -> Optional.ofNullable(settings.get(name)), false))
        .containsExactly(
            "PLEXICA_CACHE_SECRET (plexica.cache.secret)",
            "PLEXICA_DB_PASSWORD (plexica.db.password)",
            "PLEXICA_REDIS_PASSWORD (plexica.redis.password)");
  }

  @Test
  void realSecretsPass() {
    assertThat(RequiredSettings.missing(name -> Optional.of("s3cr3t-" + name), false)).isEmpty();
  }
}
