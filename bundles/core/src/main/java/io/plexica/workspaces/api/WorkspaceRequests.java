package io.plexica.workspaces.api;

import io.plexica.identity.api.CurrentIdentity;
import io.plexica.shared.web.PathIds;
import io.plexica.tenancy.context.CurrentTenant;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.workspaces.app.Caller;
import io.plexica.workspaces.domain.WorkspaceProblems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
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

  /** The caller's e-mail address, when its identity provider says it was verified. */
  public Optional<String> verifiedEmail() {
    return identity.require().verifiedEmail();
  }

  /** A workspace id from a path: a malformed one names no workspace (404). */
  public static UUID workspaceId(String raw) {
    return PathIds.of(raw, WorkspaceProblems.WORKSPACE_NOT_FOUND, "workspace");
  }
}
