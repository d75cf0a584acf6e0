package io.plexica.workspaces.app;

import io.plexica.shared.problem.ProblemException;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.workspaces.domain.MemberDetails;
import io.plexica.workspaces.domain.WorkspaceMember;
import io.plexica.workspaces.domain.WorkspaceProblems;
import io.plexica.workspaces.domain.WorkspaceRole;
import io.plexica.workspaces.domain.WorkspaceStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The members of a workspace. {@code ADMIN}s add, change and remove members; any member may leave.
 * A workspace always keeps one {@code ADMIN}: every change of who administers it locks the
 * workspace's row and checks again inside that lock, so two administrators demoting each other at
 * the same moment cannot both succeed.
 */
public class MemberService {
  private final WorkspaceStore store;
  private final WorkspaceAccess access;
  private final AuditTrail audit;
  private final Clock clock;

  public MemberService(WorkspaceStore store, WorkspaceAccess access, Clock clock) {
    this.store = store;
    this.access = access;
    this.audit = new AuditTrail(clock);
    this.clock = clock;
  }

  public List<MemberDetails> list(TenantRef tenant, Caller caller, UUID workspaceId) {
    access.require(tenant, caller, workspaceId, WorkspaceRole.VIEWER);
    return store.read(tenant, tx -> tx.members().list(workspaceId));
  }

  public MemberDetails add(
      TenantRef tenant, Caller caller, UUID workspaceId, UUID userId, WorkspaceRole role) {
    access.require(tenant, caller, workspaceId, WorkspaceRole.ADMIN);
    MemberDetails added =
        store.inTransaction(
            tenant,
            tx -> {
              lockAsAdmin(tx, caller, workspaceId);
              if (!tx.members().userExists(userId)) {
                throw ProblemException.invalid("userId", "no user of this tenant has this id");
              }
              if (tx.members().find(workspaceId, userId).isPresent()) {
                throw new ProblemException(
                    WorkspaceProblems.MEMBER_EXISTS,
                    nameOf(tx, workspaceId, userId) + " is already a member of the workspace.");
              }
              join(tx, caller, workspaceId, userId, role);
              return details(tx, workspaceId, userId);
            });
    access.changed(tenant, workspaceId);
    return added;
  }

  /** Adds a member and audits it, inside the caller's transaction. */
  void join(
      WorkspaceStore.Tx tx, Caller caller, UUID workspaceId, UUID userId, WorkspaceRole role) {
    tx.members()
        .add(new WorkspaceMember(workspaceId, userId, role, caller.userId(), clock.instant()));
    audit.record(
        tx,
        caller.actor(),
        "member.added",
        workspaceId,
        "member",
        userId,
        null,
        Map.of("role", role.name()));
  }

  public MemberDetails changeRole(
      TenantRef tenant, Caller caller, UUID workspaceId, UUID userId, WorkspaceRole role) {
    access.require(tenant, caller, workspaceId, WorkspaceRole.ADMIN);
    MemberDetails changed =
        store.inTransaction(
            tenant,
            tx -> {
              lockAsAdmin(tx, caller, workspaceId);
              WorkspaceMember member = member(tx, workspaceId, userId);
              WorkspaceRole before = member.role();
              if (before != role) {
                if (before == WorkspaceRole.ADMIN) {
                  requireAnotherAdmin(tx, workspaceId, "demoted");
                }
                member.changeRole(role);
                audit.record(
                    tx,
                    caller.actor(),
                    "member.role_changed",
                    workspaceId,
                    "member",
                    userId,
                    Map.of("role", before.name()),
                    Map.of("role", role.name()));
              }
              return details(tx, workspaceId, userId);
            });
    access.changed(tenant, workspaceId);
    return changed;
  }

  /** Removes a member: an {@code ADMIN} may remove anyone, every member may remove itself. */
  public void remove(TenantRef tenant, Caller caller, UUID workspaceId, UUID userId) {
    boolean leaving = userId.equals(caller.userId());
    access.require(
        tenant, caller, workspaceId, leaving ? WorkspaceRole.VIEWER : WorkspaceRole.ADMIN);
    store.inTransaction(
        tenant,
        tx -> {
          if (leaving) {
            tx.lockWorkspace(workspaceId).orElseThrow(() -> WorkspaceAccess.notFound(workspaceId));
          } else {
            lockAsAdmin(tx, caller, workspaceId);
          }
          WorkspaceMember member = member(tx, workspaceId, userId);
          if (member.role() == WorkspaceRole.ADMIN) {
            requireAnotherAdmin(tx, workspaceId, "removed");
          }
          tx.members().remove(member);
          audit.record(
              tx,
              caller.actor(),
              "member.removed",
              workspaceId,
              "member",
              userId,
              Map.of("role", member.role().name()),
              null);
          return null;
        });
    access.changed(tenant, workspaceId);
  }

  /** Locks the workspace, then checks that the caller is still an ADMIN under that lock. */
  private static void lockAsAdmin(WorkspaceStore.Tx tx, Caller caller, UUID workspaceId) {
    tx.lockWorkspace(workspaceId).orElseThrow(() -> WorkspaceAccess.notFound(workspaceId));
    WorkspaceAccess.requireInTransaction(tx, caller, workspaceId, WorkspaceRole.ADMIN);
  }

  private static void requireAnotherAdmin(WorkspaceStore.Tx tx, UUID workspaceId, String what) {
    if (tx.members().administrators(workspaceId) <= 1) {
      throw new ProblemException(
          WorkspaceProblems.LAST_ADMIN,
          "The workspace's last ADMIN cannot be " + what + "; make another member ADMIN first.");
    }
  }

  private static WorkspaceMember member(WorkspaceStore.Tx tx, UUID workspaceId, UUID userId) {
    return tx.members()
        .find(workspaceId, userId)
        .orElseThrow(
            () ->
                new ProblemException(
                    WorkspaceProblems.MEMBER_NOT_FOUND,
                    "User " + userId + " is not a member of the workspace."));
  }

  static MemberDetails details(WorkspaceStore.Tx tx, UUID workspaceId, UUID userId) {
    return tx.members()
        .details(workspaceId, userId)
        .orElseThrow(() -> new IllegalStateException("Member " + userId + " vanished"));
  }

  /** How people are named to people: their name, never their id. */
  static String nameOf(WorkspaceStore.Tx tx, UUID workspaceId, UUID userId) {
    return tx.members()
        .details(workspaceId, userId)
        .map(
            m ->
                m.displayName() != null && !m.displayName().isBlank()
                    ? m.displayName()
                    : m.username())
        .orElse("This person");
  }
}
