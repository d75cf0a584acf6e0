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
  public static final ProblemType ROLE_REQUIRED = ProblemType.WORKSPACE_ROLE_REQUIRED;
  public static final ProblemType LAST_ADMIN =
      new ProblemType("workspace-last-admin", 409, "A workspace keeps at least one ADMIN");
  public static final ProblemType HAS_TEAMS =
      new ProblemType("workspace-has-teams", 409, "The workspace still has teams");
  public static final ProblemType DEFAULT_WORKSPACE =
      new ProblemType("workspace-default", 409, "The default workspace cannot be deleted");
  public static final ProblemType MEMBER_EXISTS =
      new ProblemType("workspace-member-exists", 409, "The user is already a member");
  public static final ProblemType MEMBER_NOT_FOUND =
      new ProblemType("workspace-member-not-found", 404, "No such member");
  public static final ProblemType TEAM_NOT_FOUND =
      new ProblemType("team-not-found", 404, "No such team");
  public static final ProblemType TEAM_NAME_TAKEN =
      new ProblemType("team-name-taken", 409, "The team name is already taken in the workspace");
  public static final ProblemType TEAM_MEMBER_EXISTS =
      new ProblemType("team-member-exists", 409, "The user is already in the team");
  public static final ProblemType RESOURCE_NOT_FOUND =
      new ProblemType("shared-resource-not-found", 404, "No such shared resource");
  public static final ProblemType RESOURCE_ALREADY_SHARED =
      new ProblemType(
          "resource-already-shared", 409, "The resource is already shared with the workspace");
  public static final ProblemType INVITATION_NOT_FOUND =
      new ProblemType("invitation-not-found", 404, "No such invitation");
  public static final ProblemType INVITATION_EXPIRED =
      new ProblemType("invitation-expired", 410, "The invitation has expired");
  public static final ProblemType INVITATION_REVOKED =
      new ProblemType("invitation-revoked", 410, "The invitation was revoked");
  public static final ProblemType INVITATION_DECLINED =
      new ProblemType("invitation-declined", 410, "The invitation was declined");
  public static final ProblemType INVITATION_USED =
      new ProblemType("invitation-used", 409, "The invitation was already accepted");
  public static final ProblemType INVITATION_OTHER_RECIPIENT =
      new ProblemType(
          "invitation-other-recipient", 403, "The invitation was sent to another address");
  public static final ProblemType FILE_NOT_FOUND =
      new ProblemType("file-not-found", 404, "No such file");
  public static final ProblemType FILE_TOO_LARGE =
      new ProblemType("file-too-large", 413, "The file is larger than allowed");
  public static final ProblemType FILE_TYPE_REFUSED =
      new ProblemType("file-type-refused", 415, "Files of this type are not accepted");
  public static final ProblemType FILE_CONTENT_MISMATCH =
      new ProblemType(
          "file-content-mismatch", 415, "The file's content is not of its declared type");
  public static final ProblemType CONFLICT =
      new ProblemType(
          "workspace-conflict", 409, "A concurrent change came first; read again and retry");
}
