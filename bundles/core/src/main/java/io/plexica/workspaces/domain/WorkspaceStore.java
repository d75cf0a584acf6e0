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
 * entities read inside it are saved when it ends, unless the work throws.
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

    Optional<WorkspaceMember> member(UUID workspaceId, UUID userId);

    /** The member whose (mirrored) e-mail address is {@code email}, in lower case. */
    Optional<WorkspaceMember> memberByEmail(UUID workspaceId, String email);

    List<MemberDetails> members(UUID workspaceId);

    Optional<MemberDetails> memberDetails(UUID workspaceId, UUID userId);

    long administrators(UUID workspaceId);

    void add(WorkspaceMember member);

    void remove(WorkspaceMember member);

    /** Whether the tenant has this user. */
    boolean userExists(UUID userId);

    List<Team> teams(UUID workspaceId);

    Optional<Team> team(UUID workspaceId, UUID teamId);

    Optional<Team> teamByName(UUID workspaceId, String name);

    void add(Team team);

    void remove(Team team);

    List<MemberDetails> teamMembers(UUID teamId);

    Optional<TeamMember> teamMember(UUID teamId, UUID userId);

    void add(TeamMember member);

    void remove(TeamMember member);

    /** Resources shared from or into the workspace. */
    List<SharedResource> sharedResources(UUID workspaceId);

    Optional<SharedResource> sharedResource(UUID workspaceId, UUID shareId);

    void add(SharedResource share);

    void remove(SharedResource share);

    List<Invitation> invitations(UUID workspaceId);

    /** Invitations of every workspace nobody answered yet (pending or expired), newest first. */
    List<Invitation> unansweredInvitations(int max);

    Optional<Invitation> invitation(UUID workspaceId, UUID invitationId);

    Optional<Invitation> invitationByTokenHash(String tokenHash);

    void add(Invitation invitation);

    /**
     * Queues the invitation to be mailed once this transaction commits (again, when it was queued
     * before: an attempt still under way then neither removes nor fails the new one). {@code
     * invitedBy} is the name the mail gives for the sender.
     */
    void queueMail(Invitation invitation, String invitedBy);

    List<WorkspaceFile> files(UUID workspaceId);

    /** Bytes of every file of every workspace of the tenant. */
    long storedBytes();

    Optional<WorkspaceFile> file(UUID workspaceId, UUID fileId);

    void add(WorkspaceFile file);

    void remove(WorkspaceFile file);

    void add(AuditEntry entry);

    /** Writes the event to the outbox, in this transaction. */
    void publish(DomainEvent event);
  }
}
