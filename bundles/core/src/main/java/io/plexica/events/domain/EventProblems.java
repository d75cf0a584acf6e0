package io.plexica.events.domain;

import io.plexica.shared.problem.ProblemType;

/** The problem types of the events feature. */
public final class EventProblems {
  private EventProblems() {}

  public static final ProblemType DEAD_LETTER_NOT_FOUND =
      new ProblemType("dead-letter-not-found", 404, "No such dead letter");
  public static final ProblemType DEAD_LETTER_BUSY =
      new ProblemType("dead-letter-busy", 409, "The dead letter is being retried or was resolved");
}
