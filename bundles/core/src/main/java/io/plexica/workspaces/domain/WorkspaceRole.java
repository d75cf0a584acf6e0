package io.plexica.workspaces.domain;

import io.plexica.shared.problem.ProblemException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a member may do in a workspace: {@code VIEWER} reads, {@code MEMBER} also writes, {@code
 * ADMIN} also manages members, teams, invitations and settings. Each role includes the ones below.
 */
public enum WorkspaceRole {
  VIEWER,
  MEMBER,
  ADMIN;

  /** Whether this role may do what {@code needed} may. */
  public boolean includes(WorkspaceRole needed) {
    return compareTo(needed) >= 0;
  }

  /** Reads a role sent by a client, or fails naming the field and the roles there are. */
  public static WorkspaceRole parse(String field, String value) {
    if (value == null || value.isBlank()) {
      throw ProblemException.invalid(field, "is required: one of " + names());
    }
    try {
      return valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid(field, "'" + value + "' is not a role; use one of " + names());
    }
  }

  private static String names() {
    return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
  }
}
