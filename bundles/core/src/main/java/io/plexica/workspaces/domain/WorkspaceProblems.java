package io.plexica.workspaces.domain;

import io.plexica.shared.problem.ProblemType;

/** The problem types of the workspaces feature. */
public final class WorkspaceProblems {
  private WorkspaceProblems() {}

  public static final ProblemType WORKSPACE_NOT_FOUND =
      new ProblemType("workspace-not-found", 404, "No such workspace");
  public static final ProblemType SLUG_TAKEN =
      new ProblemType("workspace-slug-taken", 409, "The workspace slug is already taken");
  public static final ProblemType WORKSPACE_VETOED =
      new ProblemType("workspace-vetoed", 422, "A plugin refused the workspace");
}
