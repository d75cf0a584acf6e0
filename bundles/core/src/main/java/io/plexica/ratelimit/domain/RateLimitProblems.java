package io.plexica.ratelimit.domain;

import io.plexica.shared.problem.ProblemType;

public final class RateLimitProblems {
  private RateLimitProblems() {}

  public static final ProblemType RATE_LIMITED =
      new ProblemType("rate-limited", 429, "Too many requests");
}
