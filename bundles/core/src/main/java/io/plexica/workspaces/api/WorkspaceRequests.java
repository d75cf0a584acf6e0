package io.plexica.workspaces.api;

import io.plexica.identity.api.CurrentIdentity;
import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.problem.ProblemType;
import io.plexica.tenancy.context.CurrentTenant;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.workspaces.app.Caller;
import io.plexica.workspaces.domain.WorkspaceProblems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/** What every workspace endpoint reads from its request: the tenant, the caller, path ids. */
@ApplicationScoped
public class WorkspaceRequests {
  /** The header naming the workspace of a request that has none in its path (plugin routes). */
  public static final String WORKSPACE_HEADER = "X-Workspace-ID";

  @Inject CurrentTenant tenant;
  @Inject CurrentIdentity identity;

  public TenantRef tenant() {
    return tenant.require();
  }

  public Caller caller() {
    return Caller.of(identity.access(), identity.require().username());
  }

  /** A workspace id from a path: a malformed one names no workspace (404). */
  public static UUID workspaceId(String raw) {
    return id(raw, WorkspaceProblems.WORKSPACE_NOT_FOUND, "workspace");
  }

  /** Another id from a path: a malformed one is answered like an unknown one. */
  public static UUID id(String raw, ProblemType notFound, String what) {
    try {
      return UUID.fromString(raw);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(notFound, "No " + what + " has id " + raw + ".");
    }
  }

  /** A user id from a body: a malformed one is a field error. */
  public static UUID userId(String raw) {
    if (raw == null || raw.isBlank()) {
      throw ProblemException.invalid("userId", "is required");
    }
    try {
      return UUID.fromString(raw.strip());
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("userId", "must be a user id (a UUID)");
    }
  }
}
