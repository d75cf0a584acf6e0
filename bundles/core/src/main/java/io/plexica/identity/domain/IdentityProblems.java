package io.plexica.identity.domain;

import io.plexica.shared.problem.ProblemType;

/** The problem types of the identity feature. */
public final class IdentityProblems {
  private IdentityProblems() {}

  public static final ProblemType IDENTITY_UNAVAILABLE =
      new ProblemType("identity-unavailable", 503, "The identity service is not available");
}
