package io.plexica.workspaces.app;

import io.plexica.shared.problem.ProblemException;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.workspaces.domain.SharedResource;
import io.plexica.workspaces.domain.WorkspaceProblems;
import io.plexica.workspaces.domain.WorkspaceRole;
import io.plexica.workspaces.domain.WorkspaceStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Resources shared from one workspace into another of the same tenant. A {@code MEMBER} of the
 * source shares into a workspace it belongs to; members of either side see the share; a {@code
 * MEMBER} of either side withdraws it.
 */
public class SharingService {
  /** {@code <owner>:<kind>}, such as {@code crm:contact} or {@code core:file}. */
  public static final Pattern TYPE = Pattern.compile("^[a-z][a-z0-9-]{0,49}:[a-z][a-z0-9-]{0,48}$");

  public static final int MAX_RESOURCE_ID = 200;

  private final WorkspaceStore store;
  private final WorkspaceAccess access;
  private final AuditTrail audit;
  private final Clock clock;

  public SharingService(WorkspaceStore store, WorkspaceAccess access, Clock clock) {
    this.store = store;
    this.access = access;
    this.audit = new AuditTrail(clock);
    this.clock = clock;
  }

  public SharedResource share(
      TenantRef tenant,
      Caller caller,
      UUID workspaceId,
      UUID targetWorkspaceId,
      String resourceType,
      String resourceId) {
    access.require(tenant, caller, workspaceId, WorkspaceRole.MEMBER);
    if (targetWorkspaceId.equals(workspaceId)) {
      throw ProblemException.invalid("targetWorkspaceId", "must be another workspace");
    }
    try {
      access.require(tenant, caller, targetWorkspaceId, WorkspaceRole.VIEWER);
    } catch (ProblemException e) {
      throw ProblemException.invalid(
          "targetWorkspaceId", "is not a workspace of this tenant that you belong to");
    }
    return store.inTransaction(
        tenant,
        tx -> {
          boolean shared =
              tx.shares().list(workspaceId).stream()
                  .anyMatch(
                      s ->
                          s.sourceWorkspaceId().equals(workspaceId)
                              && s.targetWorkspaceId().equals(targetWorkspaceId)
                              && s.resourceType().equals(resourceType)
                              && s.resourceId().equals(resourceId));
          if (shared) {
            throw new ProblemException(
                WorkspaceProblems.RESOURCE_ALREADY_SHARED,
                resourceType + " " + resourceId + " is already shared with that workspace.");
          }
          SharedResource share =
              new SharedResource(
                  workspaceId,
                  targetWorkspaceId,
                  resourceType,
                  resourceId,
                  caller.userId(),
                  clock.instant());
          tx.shares().add(share);
          audit.record(
              tx,
              caller.actor(),
              "resource.shared",
              workspaceId,
              "resource",
              share.id(),
              null,
              state(share));
          return share;
        });
  }

  public List<SharedResource> list(TenantRef tenant, Caller caller, UUID workspaceId) {
    access.require(tenant, caller, workspaceId, WorkspaceRole.VIEWER);
    return store.read(tenant, tx -> tx.shares().list(workspaceId));
  }

  public void unshare(TenantRef tenant, Caller caller, UUID workspaceId, UUID shareId) {
    access.require(tenant, caller, workspaceId, WorkspaceRole.MEMBER);
    store.inTransaction(
        tenant,
        tx -> {
          SharedResource share =
              tx.shares()
                  .find(workspaceId, shareId)
                  .orElseThrow(
                      () ->
                          new ProblemException(
                              WorkspaceProblems.RESOURCE_NOT_FOUND,
                              "The workspace shares no resource with id " + shareId + "."));
          tx.shares().remove(share);
          audit.record(
              tx,
              caller.actor(),
              "resource.unshared",
              workspaceId,
              "resource",
              shareId,
              state(share),
              null);
          return null;
        });
  }

  private static Map<String, Object> state(SharedResource share) {
    return Map.of(
        "sourceWorkspaceId", share.sourceWorkspaceId().toString(),
        "targetWorkspaceId", share.targetWorkspaceId().toString(),
        "resourceType", share.resourceType(),
        "resourceId", share.resourceId());
  }
}
