package io.plexica.identity.domain;

import java.util.Objects;

/** What Keycloak knows of a user and the platform mirrors: how it logs in and its name. */
public record UserProfile(String username, String email, String firstName, String lastName) {
  public UserProfile {
    Objects.requireNonNull(username, "username");
  }

  /** A short digest telling whether a token still carries the profile mirrored from it. */
  public String fingerprint() {
    return Integer.toHexString(Objects.hash(username, email, firstName, lastName));
  }
}
