package io.plexica.tenancy.domain;

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
  public static final ProblemType TENANT_UNAVAILABLE =
      new ProblemType("tenant-unavailable", 403, "The tenant is not available");
}
