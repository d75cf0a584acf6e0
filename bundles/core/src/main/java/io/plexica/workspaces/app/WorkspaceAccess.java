package io.plexica.workspaces.app;

import io.plexica.shared.problem.ProblemException;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.workspaces.domain.WorkspaceMember;
import io.plexica.workspaces.domain.WorkspaceProblems;
import io.plexica.workspaces.domain.WorkspaceRole;
import io.plexica.workspaces.domain.WorkspaceStore;
import java.util.UUID;

/**
 * The workspace guard: which role a caller holds in a workspace, and refusal when it is not enough.
 * A caller that is neither a member nor a tenant administrator gets 404, the answer for a workspace
 * that does not exist, so it learns nothing of workspaces it may not see. Look-ups go through the
 * {@link MembershipCache}; changes that must hold under concurrency check again inside their
 * transaction with {@link #requireInTransaction}.
 */
public class WorkspaceAccess {
  private final WorkspaceStore store;
  private final MembershipCache cache;

  public WorkspaceAccess(WorkspaceStore store, MembershipCache cache) {
    this.store = store;
    this.cache = cache;
  }

  /** The caller's effective role in the workspace, if it is at least {@code needed}. */
  public WorkspaceRole require(
      TenantRef tenant, Caller caller, UUID workspaceId, WorkspaceRole needed) {
    Standing standing =
        cache.get(
            tenant.id(),
            workspaceId,
            caller.userId(),
            () -> store.read(tenant, tx -> load(tx, workspaceId, caller.userId())));
    return check(caller, workspaceId, standing, needed);
  }

  /** Like {@link #require}, read from the transaction's own view (no cache). */
  public static WorkspaceRole requireInTransaction(
      WorkspaceStore.Tx tx, Caller caller, UUID workspaceId, WorkspaceRole needed) {
    return check(caller, workspaceId, load(tx, workspaceId, caller.userId()), needed);
  }

  /** Every node forgets what it knew of the workspace's memberships. */
  public void changed(TenantRef tenant, UUID workspaceId) {
    cache.invalidate(tenant.id(), workspaceId);
  }

  private static Standing load(WorkspaceStore.Tx tx, UUID workspaceId, UUID userId) {
    return tx.members()
        .find(workspaceId, userId)
        .map(WorkspaceMember::role)
        .map(Standing::member)
        .orElseGet(
            () ->
                tx.workspace(workspaceId).isPresent()
                    ? Standing.NOT_A_MEMBER
                    : Standing.NO_WORKSPACE);
  }

  private static WorkspaceRole check(
      Caller caller, UUID workspaceId, Standing standing, WorkspaceRole needed) {
    if (!standing.workspaceExists()) {
      throw notFound(workspaceId);
    }
    WorkspaceRole effective =
        caller.tenantAdmin()
            ? WorkspaceRole.ADMIN
            : standing.role().orElseThrow(() -> notFound(workspaceId));
    if (!effective.includes(needed)) {
      throw new ProblemException(
          WorkspaceProblems.ROLE_REQUIRED,
          "This needs the role " + needed + " in the workspace; you are " + effective + " there.");
    }
    return effective;
  }

  public static ProblemException notFound(UUID workspaceId) {
    return new ProblemException(
        WorkspaceProblems.WORKSPACE_NOT_FOUND, "No workspace has id " + workspaceId + ".");
  }
}
