package io.plexica.shared.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Outside dev mode every secret must be set, and not to the value the repository gives it, and
 * every service's place must be named.
 */
class RequiredSettingsTest {

  @Test
  void devModeNeedsNothing() {
    assertThat(RequiredSettings.missing(name -> Optional.empty(), true)).isEmpty();
  }

  @Test
  void everyUnsetOrDevelopmentValuedSecretIsNamedAtOnce() {
    Map<String, String> settings = new HashMap<>();
    RequiredSettings.SECRETS.keySet().forEach(name -> settings.put(name, "a-real-secret-value"));
    RequiredSettings.PLACES.forEach(name -> settings.put(name, "https://somewhere.example"));
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
  void everyUnsetPlaceIsNamedToo() {
    Map<String, String> settings = new HashMap<>();
    RequiredSettings.SECRETS.keySet().forEach(name -> settings.put(name, "a-real-secret-value"));
    RequiredSettings.PLACES.forEach(name -> settings.put(name, "https://somewhere.example"));
    settings.remove("plexica.kafka.bootstrap-servers");
    settings.put("plexica.mail.smtp.host", " ");

    assertThat(RequiredSettings.missing(name -> Optional.ofNullable(settings.get(name)), false))
        .containsExactly(
            "PLEXICA_KAFKA_BOOTSTRAP_SERVERS (plexica.kafka.bootstrap-servers)",
            "PLEXICA_MAIL_SMTP_HOST (plexica.mail.smtp.host)");
  }

  @Test
  void realSecretsPass() {
    assertThat(RequiredSettings.missing(name -> Optional.of("s3cr3t-" + name), false)).isEmpty();
  }
}
