package io.plexica.identity.app;

import io.plexica.identity.domain.VerifiedToken;

/** Checks an access token; anything wrong with it is a 401 {@code invalid-token} problem. */
public interface TokenVerifier {
  VerifiedToken verify(String token);
}
