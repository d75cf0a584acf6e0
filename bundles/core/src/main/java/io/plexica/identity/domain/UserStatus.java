package io.plexica.identity.domain;

import java.time.Instant;

/** Where a user stands, derived from whether it is enabled and whether it ever signed in. */
public enum UserStatus {
  /** Created or invited, enabled, never seen on the API yet. */
  INVITED,
  ACTIVE,
  /** Refused at login and on the API, tokens included. */
  DISABLED;

  public static UserStatus of(boolean enabled, Instant firstSeenAt) {
    if (!enabled) {
      return DISABLED;
    }
    return firstSeenAt == null ? INVITED : ACTIVE;
  }
}
