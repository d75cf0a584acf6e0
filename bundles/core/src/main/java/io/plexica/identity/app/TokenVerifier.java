package io.plexica.identity.app;

import io.plexica.identity.domain.VerifiedToken;

/** Checks an access token; anything wrong with it is a 401 {@code invalid-token} problem. */
public interface TokenVerifier {
  VerifiedToken verify(String token);

  /**
   * Forgets whatever is remembered of a realm (its keys, tokens it issued) once the realm is gone:
   * a realm of the same name made later is another realm.
   */
  default void forgetRealm(String realm) {}
}
