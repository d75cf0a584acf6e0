package io.plexica.shared.web;

import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.problem.ProblemType;
import java.util.UUID;

/** Ids in request paths: a malformed one names nothing, so it is answered like an unknown one. */
public final class PathIds {
  private PathIds() {}

  public static UUID of(String raw, ProblemType notFound, String what) {
    try {
      return UUID.fromString(raw);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(notFound, "No " + what + " has id " + raw + ".");
    }
  }
}
