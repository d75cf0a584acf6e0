package io.plexica.tenancy.domain;

import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.problem.ProblemType;

/** The problem types of the tenancy feature. Their slugs are part of the public API. */
public final class TenancyProblems {
  private TenancyProblems() {}

  public static final ProblemType TENANT_NOT_FOUND =
      new ProblemType("tenant-not-found", 404, "No such tenant");
  public static final ProblemType SLUG_TAKEN =
      new ProblemType("tenant-slug-taken", 409, "The slug is already taken");
  public static final ProblemType ILLEGAL_TRANSITION =
      new ProblemType("tenant-illegal-state-change", 409, "The tenant cannot make that change");
  public static final ProblemType IDENTITY_MOVE_REFUSED =
      new ProblemType(
          "tenant-identity-move-refused", 409, "The tenant's people cannot move to that home");
  public static final ProblemType TENANT_UNAVAILABLE =
      new ProblemType("tenant-unavailable", 403, "The tenant is not available");
  public static final ProblemType QUOTA_EXCEEDED =
      new ProblemType("quota-exceeded", 409, "The tenant's quota is reached");

  /** The one wording of a taken slug, whether the look-up or the unique index noticed it. */
  public static ProblemException slugTaken(String slug, Throwable cause) {
    return new ProblemException(
        SLUG_TAKEN,
        "A tenant with slug '" + slug + "' already exists. Choose another slug.",
        cause);
  }

  /**
   * The one wording of a tenant that exists but cannot be used now, for its people (the API and the
   * login page's organization picker say the same).
   */
  public static ProblemException unavailable(Tenant tenant) {
    return new ProblemException(
        TENANT_UNAVAILABLE,
        "The organization "
            + tenant.name()
            + (tenant.status() == TenantStatus.SUSPENDED
                ? " is suspended at the moment"
                : " is not available now (" + tenant.status() + ")")
            + "; its administrators or Plexica's support can tell you more.");
  }

  public static ProblemException notFound(String idOrSlug) {
    return new ProblemException(TENANT_NOT_FOUND, "No tenant is known as '" + idOrSlug + "'.");
  }
}
