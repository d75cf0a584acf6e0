package io.plexica.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.plexica.identity.infra.KeycloakRealms;
import io.plexica.identity.infra.KeycloakSettings;
import io.plexica.testing.TestPlatform;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The digest that lets a start-up skip realms whose profile did not change: the same for the same
 * profile, different as soon as anything written to the realm would differ, and never the mail
 * settings in clear.
 */
class RealmProfileDigestTest {
  /** The platform's settings with a service account, as a running platform has. */
  private final KeycloakRealms realms = new KeycloakRealms(withClientSecret("a-service-secret"));

  @Test
  void withoutAServiceAccountSecretNothingIsSkipped() {
    assertThat(
            new KeycloakRealms(withClientSecret(null))
                .profileDigest("acme", "Acme", Optional.empty()))
        .isEmpty();
  }

  @Test
  void anotherSecretGivesAnotherDigest() {
    assertThat(
            new KeycloakRealms(withClientSecret("another-secret"))
                .profileDigest("acme", "Acme", Optional.empty()))
        .isNotEqualTo(realms.profileDigest("acme", "Acme", Optional.empty()));
  }

  private static KeycloakSettings withClientSecret(String secret) {
    KeycloakSettings test = TestPlatform.keycloakSettings();
    return new KeycloakSettings(
        test.url(),
        test.adminUser(),
        test.adminPassword(),
        test.webRedirectUris(),
        test.consoleRedirectUris(),
        test.platformAdminUser(),
        test.platformAdminPassword(),
        test.devMode(),
        test.devPassword(),
        "plexica-platform",
        secret);
  }

  @Test
  void theSameProfileGivesTheSameDigestAndAnyChangeAnother() {
    String acme = digest("acme", "Acme", Optional.empty());

    assertThat(digest("acme", "Acme", Optional.empty())).isEqualTo(acme);
    assertThat(digest("acme", "Acme", Optional.of("en")))
        .as("English is the default")
        .isEqualTo(acme);
    assertThat(digest("acme", "Acme Corp", Optional.empty())).isNotEqualTo(acme);
    assertThat(digest("acme", "Acme", Optional.of("fr"))).isNotEqualTo(acme);
    assertThat(digest("globex", "Acme", Optional.empty())).isNotEqualTo(acme);
    assertThat(acme).hasSize(64).matches("[0-9a-f]+");
  }

  private String digest(String realm, String name, Optional<String> locale) {
    return realms.profileDigest(realm, name, locale).orElseThrow();
  }
}
