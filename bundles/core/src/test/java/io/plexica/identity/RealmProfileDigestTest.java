package io.plexica.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.plexica.identity.infra.KeycloakRealms;
import io.plexica.testing.TestPlatform;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The digest that lets a start-up skip realms whose profile did not change: the same for the same
 * profile, different as soon as anything written to the realm would differ, and never the mail
 * settings in clear.
 */
class RealmProfileDigestTest {
  private final KeycloakRealms realms = TestPlatform.realms();

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
