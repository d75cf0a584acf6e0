package io.plexica.workspaces.domain;

import io.plexica.audit.domain.AuditEntry;
import io.plexica.shared.events.DomainEvent;
import io.plexica.tenancy.domain.TenantRef;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Workspaces of each tenant with their members, teams, shared resources, invitations, files and the
 * audit entries of their changes, in the tenant's schema. Work runs in one transaction per call:
 * entities read inside it are saved when it ends, unless the work throws. The transaction reaches
 * each aggregate's repository ({@code tx.members()}, {@code tx.teams()}, ...), all in the same unit
 * of work.
 */
public interface WorkspaceStore {

  /**
   * Runs the work in one transaction. A unique constraint that a concurrent transaction won becomes
   * {@link WorkspaceProblems#CONFLICT}.
   */
  <T> T inTransaction(TenantRef tenant, Function<Tx, T> work);

  /** Reads without a transaction. */
  <T> T read(TenantRef tenant, Function<Tx, T> work);

  /** A workspace and the role a user holds in it. */
  record Membership(Workspace workspace, WorkspaceRole role) {}

  /** The operations of one unit of work in one tenant. */
  interface Tx {
    /** The tenant whose schema this transaction works in. */
    UUID tenantId();

    Optional<Workspace> workspace(UUID id);

    /**
     * The workspace, with its row locked until the transaction ends: changes of who administers it
     * are serialised on this lock, so two administrators demoting each other cannot both win.
     */
    Optional<Workspace> lockWorkspace(UUID id);

    Optional<Workspace> workspaceBySlug(String slug);

    List<Workspace> workspaces();

    List<Membership> membershipsOf(UUID userId);

    /** Stores a new workspace, or fails with {@link WorkspaceProblems#SLUG_TAKEN}. */
    void add(Workspace workspace);

    /** Removes the workspace with everything that belongs to it (not its audit entries). */
    void remove(Workspace workspace);

    /** The workspaces' members in this transaction. */
    Members members();

    /** The workspaces' teams and their members in this transaction. */
    Teams teams();

    /** Resources shared between workspaces in this transaction. */
    Shares shares();

    /** Invitations to the workspaces, and their mail queue, in this transaction. */
    Invitations invitations();

    /** The workspaces' files in this transaction. */
    Files files();

    void add(AuditEntry entry);

    /** Writes the event to the outbox, in this transaction. */
    void publish(DomainEvent event);
  }

  /** Members of workspaces. */
  interface Members {
    Optional<WorkspaceMember> find(UUID workspaceId, UUID userId);

    /** The member whose (mirrored) e-mail address is {@code email}, in lower case. */
    Optional<WorkspaceMember> byEmail(UUID workspaceId, String email);

    List<MemberDetails> list(UUID workspaceId);

    Optional<MemberDetails> details(UUID workspaceId, UUID userId);

    long administrators(UUID workspaceId);

    void add(WorkspaceMember member);

    void remove(WorkspaceMember member);

    /** Whether the tenant has this user. */
    boolean userExists(UUID userId);
  }

  /** Teams of workspaces and their members. */
  interface Teams {
    List<Team> list(UUID workspaceId);

    Optional<Team> find(UUID workspaceId, UUID teamId);

    Optional<Team> byName(UUID workspaceId, String name);

    void add(Team team);

    void remove(Team team);

    List<MemberDetails> members(UUID teamId);

    Optional<TeamMember> member(UUID teamId, UUID userId);

    void add(TeamMember member);

    void remove(TeamMember member);
  }

  /** Resources shared from one workspace into another. */
  interface Shares {
    /** Resources shared from or into the workspace. */
    List<SharedResource> list(UUID workspaceId);

    Optional<SharedResource> find(UUID workspaceId, UUID shareId);

    void add(SharedResource share);

    void remove(SharedResource share);
  }

  /** Invitations to workspaces. */
  interface Invitations {
    List<Invitation> list(UUID workspaceId);

    /** Invitations of every workspace nobody answered yet (pending or expired), newest first. */
    List<Invitation> unanswered(int max);

    Optional<Invitation> find(UUID workspaceId, UUID invitationId);

    /** The invitation of this token, with its row locked until the transaction ends. */
    Optional<Invitation> byTokenHash(String tokenHash);

    void add(Invitation invitation);

    /**
     * Queues the invitation to be mailed once this transaction commits (again, when it was queued
     * before: an attempt still under way then neither removes nor fails the new one). {@code
     * invitedBy} is the name the mail gives for the sender.
     */
    void queueMail(Invitation invitation, String invitedBy);
  }

  /** Files of workspaces (their bytes are in object storage). */
  interface Files {
    List<WorkspaceFile> list(UUID workspaceId);

    /** Bytes of every file of every workspace of the tenant. */
    long storedBytes();

    Optional<WorkspaceFile> find(UUID workspaceId, UUID fileId);

    void add(WorkspaceFile file);

    void remove(WorkspaceFile file);
  }
}
