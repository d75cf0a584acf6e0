package io.plexica.testing;

import io.plexica.identity.domain.VerifiedToken;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.time.Instant;
import java.util.UUID;

/** Tokens as the verifier hands them on after checking them, for tests of what comes next. */
public final class TestTokens {
  private TestTokens() {}

  public static VerifiedToken of(String realm, UUID subject, String username, String... roles) {
    return withName(realm, subject, username, "Test", "User", roles);
  }

  public static VerifiedToken withName(
      String realm, UUID subject, String username, String first, String last, String... roles) {
    JsonArrayBuilder roleArray = Json.createArrayBuilder();
    for (String role : roles) {
      roleArray.add(role);
    }
    return new VerifiedToken(
        realm,
        Json.createObjectBuilder()
            .add("sub", subject.toString())
            .add("preferred_username", username)
            .add("email", username)
            .add("given_name", first)
            .add("family_name", last)
            .add("exp", Instant.now().plusSeconds(300).getEpochSecond())
            .add("realm_access", Json.createObjectBuilder().add("roles", roleArray))
            .build());
  }
}
