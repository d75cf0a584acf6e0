package io.plexica.identity.api;

import io.plexica.identity.domain.Access;
import io.plexica.identity.domain.IdentityProblems;
import io.plexica.identity.domain.VerifiedToken;
import io.plexica.shared.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * Who the current request speaks for, once its bearer token was verified; gone with the request.
 */
@RequestScoped
public class CurrentIdentity {
  private VerifiedToken token;
  private Access access;

  void set(VerifiedToken verified) {
    this.token = verified;
  }

  public Optional<VerifiedToken> token() {
    return Optional.ofNullable(token);
  }

  void grant(Access tenantAccess) {
    this.access = tenantAccess;
  }

  /** What the caller may do in its tenant; known on every tenant-scoped request. */
  public Access access() {
    if (access == null) {
      throw new IllegalStateException("No tenant access was resolved for this request");
    }
    return access;
  }

  /** The verified token, or a 401 asking the client to authenticate. */
  public VerifiedToken require() {
    if (token == null) {
      throw new ProblemException(
          IdentityProblems.AUTHENTICATION_REQUIRED,
          "Send an access token in the Authorization header: Bearer <token>.");
    }
    return token;
  }
}
