package io.plexica.identity.domain;

import io.plexica.shared.problem.ProblemType;

/** The problem types of the identity feature. */
public final class IdentityProblems {
  private IdentityProblems() {}

  public static final ProblemType AUTHENTICATION_REQUIRED =
      new ProblemType("authentication-required", 401, "Authentication is required");
  public static final ProblemType INVALID_TOKEN =
      new ProblemType("invalid-token", 401, "The access token is not valid");
  public static final ProblemType TOKEN_TENANT_MISMATCH =
      new ProblemType("token-tenant-mismatch", 401, "The token belongs to another tenant");
  public static final ProblemType TENANT_SUSPENDED =
      new ProblemType("tenant-not-active", 401, "The token's tenant is not active");
  public static final ProblemType FORBIDDEN =
      new ProblemType("forbidden", 403, "Not allowed for this identity");
  public static final ProblemType PERMISSION_DENIED =
      new ProblemType("permission-denied", 403, "A permission is missing");
  public static final ProblemType IDENTITY_UNAVAILABLE =
      new ProblemType("identity-unavailable", 503, "The identity service is not available");
}
