package io.plexica.identity.domain;

import io.plexica.shared.mail.SmtpMailer;
import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.problem.ProblemType;

/** The problem types of the identity feature. */
public final class IdentityProblems {
  private IdentityProblems() {}

  public static final ProblemType MAIL_UNAVAILABLE = SmtpMailer.MAIL_UNAVAILABLE;
  public static final ProblemType AUTHENTICATION_REQUIRED =
      new ProblemType("authentication-required", 401, "Authentication is required");
  public static final ProblemType INVALID_TOKEN =
      new ProblemType("invalid-token", 401, "The access token is not valid");
  public static final ProblemType TOKEN_TENANT_MISMATCH =
      new ProblemType("token-tenant-mismatch", 401, "The token belongs to another tenant");
  public static final ProblemType TENANT_SUSPENDED =
      new ProblemType("tenant-not-active", 401, "The token's tenant is not active");
  public static final ProblemType ACCOUNT_DISABLED =
      new ProblemType("account-disabled", 401, "The user's account is disabled");
  public static final ProblemType FORBIDDEN =
      new ProblemType("forbidden", 403, "Not allowed for this identity");
  public static final ProblemType PERMISSION_DENIED =
      new ProblemType("permission-denied", 403, "A permission is missing");
  public static final ProblemType USER_NOT_FOUND =
      new ProblemType("user-not-found", 404, "No such user in this tenant");
  public static final ProblemType USER_EXISTS =
      new ProblemType("user-exists", 409, "A user with this e-mail address already exists");
  public static final ProblemType LAST_ADMIN =
      new ProblemType("last-admin", 409, "The tenant would have no administrator left");
  public static final ProblemType OWN_ACCOUNT =
      new ProblemType("own-account", 409, "Not allowed on your own account");
  public static final ProblemType ROLE_NOT_FOUND =
      new ProblemType("role-not-found", 404, "No such role in this tenant");
  public static final ProblemType ROLE_EXISTS =
      new ProblemType("role-exists", 409, "A role with this name already exists");
  public static final ProblemType BUILT_IN_ROLE =
      new ProblemType("built-in-role", 409, "Built-in roles cannot be changed this way");
  public static final ProblemType SERVICE_ACCOUNT_NOT_FOUND =
      new ProblemType("service-account-not-found", 404, "No such service account in this tenant");
  public static final ProblemType SERVICE_ACCOUNT_EXISTS =
      new ProblemType(
          "service-account-exists", 409, "A service account with this name already exists");
  public static final ProblemType SERVICE_ACCOUNT_LIMIT =
      new ProblemType(
          "service-account-limit", 409, "The tenant has as many service accounts as it may");
  public static final ProblemType PEOPLE_MOVING =
      new ProblemType(
          "tenant-people-moving", 409, "The tenant's people are moving to another identity home");
  public static final ProblemType IDENTITY_UNAVAILABLE =
      new ProblemType("identity-unavailable", 503, "The identity service is not available");

  public static ProblemException userNotFound(Object id) {
    return new ProblemException(USER_NOT_FOUND, "This tenant has no user with id " + id + ".");
  }

  public static ProblemException serviceAccountNotFound(Object id) {
    return new ProblemException(
        SERVICE_ACCOUNT_NOT_FOUND, "This tenant has no service account with id " + id + ".");
  }

  public static ProblemException roleNotFound(String name) {
    return new ProblemException(ROLE_NOT_FOUND, "This tenant has no role named '" + name + "'.");
  }
}
