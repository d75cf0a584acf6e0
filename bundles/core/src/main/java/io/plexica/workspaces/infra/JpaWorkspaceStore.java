package io.plexica.workspaces.infra;

import io.plexica.audit.domain.AuditEntry;
import io.plexica.identity.domain.TenantUser;
import io.plexica.identity.domain.UserProfile;
import io.plexica.shared.events.DomainEvent;
import io.plexica.shared.persistence.Database;
import io.plexica.shared.persistence.EventOutbox;
import io.plexica.shared.persistence.SqlErrors;
import io.plexica.shared.problem.ProblemException;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.workspaces.domain.Invitation;
import io.plexica.workspaces.domain.MemberDetails;
import io.plexica.workspaces.domain.SharedResource;
import io.plexica.workspaces.domain.Team;
import io.plexica.workspaces.domain.TeamMember;
import io.plexica.workspaces.domain.Workspace;
import io.plexica.workspaces.domain.WorkspaceFile;
import io.plexica.workspaces.domain.WorkspaceMember;
import io.plexica.workspaces.domain.WorkspaceProblems;
import io.plexica.workspaces.domain.WorkspaceStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Workspaces and what belongs to them, in the tables of each tenant schema. */
@ApplicationScoped
public class JpaWorkspaceStore implements WorkspaceStore {
  private Database database;

  protected JpaWorkspaceStore() {}

  @Inject
  public JpaWorkspaceStore(Database database) {
    this.database = database;
  }

  @Override
  public <T> T inTransaction(TenantRef tenant, Function<Tx, T> work) {
    try {
      return database.inTenant(tenant.schemaName(), em -> work.apply(new JpaTx(tenant.id(), em)));
    } catch (PersistenceException e) {
      if (SqlErrors.isUniqueViolation(e)) {
        throw new ProblemException(
            WorkspaceProblems.CONFLICT, "A concurrent change came first; read again and retry.", e);
      }
      throw e;
    }
  }

  @Override
  public <T> T read(TenantRef tenant, Function<Tx, T> work) {
    return database.readTenant(tenant.schemaName(), em -> work.apply(new JpaTx(tenant.id(), em)));
  }

  private record JpaTx(UUID tenantId, EntityManager em) implements Tx {

    @Override
    public Optional<Workspace> workspace(UUID id) {
      return Optional.ofNullable(em.find(Workspace.class, id));
    }

    @Override
    public Optional<Workspace> lockWorkspace(UUID id) {
      return Optional.ofNullable(em.find(Workspace.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public Optional<Workspace> workspaceBySlug(String slug) {
      return em.createQuery("SELECT w FROM Workspace w WHERE w.slug = :slug", Workspace.class)
          .setParameter("slug", slug)
          .getResultStream()
          .findFirst();
    }

    @Override
    public List<Workspace> workspaces() {
      return em.createQuery("SELECT w FROM Workspace w ORDER BY w.slug", Workspace.class)
          .getResultList();
    }

    @Override
    public List<Membership> membershipsOf(UUID userId) {
      return em.createQuery(
              "SELECT w, m FROM Workspace w, WorkspaceMember m"
                  + " WHERE m.workspaceId = w.id AND m.userId = :user ORDER BY w.slug",
              Object[].class)
          .setParameter("user", userId)
          .getResultStream()
          .map(row -> new Membership((Workspace) row[0], ((WorkspaceMember) row[1]).role()))
          .toList();
    }

    @Override
    public void add(Workspace workspace) {
      try {
        em.persist(workspace);
        em.flush();
      } catch (PersistenceException e) {
        if (SqlErrors.isUniqueViolation(e)) {
          throw new ProblemException(
              WorkspaceProblems.SLUG_TAKEN,
              "Workspace slug '" + workspace.slug() + "' is already used in this tenant.",
              e);
        }
        throw e;
      }
    }

    @Override
    public void remove(Workspace workspace) {
      // Members, teams, shares, invitations and file rows go with it (ON DELETE CASCADE).
      em.remove(workspace);
    }

    @Override
    public Optional<WorkspaceMember> member(UUID workspaceId, UUID userId) {
      return Optional.ofNullable(
          em.find(WorkspaceMember.class, new WorkspaceMember.Key(workspaceId, userId)));
    }

    @Override
    public Optional<WorkspaceMember> memberByEmail(UUID workspaceId, String email) {
      return em.createQuery(
              "SELECT m FROM WorkspaceMember m, TenantUser u WHERE u.id = m.userId"
                  + " AND m.workspaceId = :ws AND LOWER(u.email) = :email",
              WorkspaceMember.class)
          .setParameter("ws", workspaceId)
          .setParameter("email", email)
          .getResultStream()
          .findFirst();
    }

    @Override
    public List<MemberDetails> members(UUID workspaceId) {
      return em.createQuery(
              "SELECT m, u FROM WorkspaceMember m, TenantUser u"
                  + " WHERE u.id = m.userId AND m.workspaceId = :ws ORDER BY u.username",
              Object[].class)
          .setParameter("ws", workspaceId)
          .getResultStream()
          .map(row -> details((WorkspaceMember) row[0], (TenantUser) row[1]))
          .toList();
    }

    @Override
    public Optional<MemberDetails> memberDetails(UUID workspaceId, UUID userId) {
      return em.createQuery(
              "SELECT m, u FROM WorkspaceMember m, TenantUser u WHERE u.id = m.userId"
                  + " AND m.workspaceId = :ws AND m.userId = :user",
              Object[].class)
          .setParameter("ws", workspaceId)
          .setParameter("user", userId)
          .getResultStream()
          .map(row -> details((WorkspaceMember) row[0], (TenantUser) row[1]))
          .findFirst();
    }

    @Override
    public long administrators(UUID workspaceId) {
      return em.createQuery(
              "SELECT COUNT(m) FROM WorkspaceMember m WHERE m.workspaceId = :ws AND m.role ="
                  + " io.plexica.workspaces.domain.WorkspaceRole.ADMIN",
              Long.class)
          .setParameter("ws", workspaceId)
          .getSingleResult();
    }

    @Override
    public void add(WorkspaceMember member) {
      em.persist(member);
    }

    @Override
    public void remove(WorkspaceMember member) {
      em.remove(member);
    }

    @Override
    public boolean userExists(UUID userId) {
      return em.find(TenantUser.class, userId) != null;
    }

    @Override
    public List<Team> teams(UUID workspaceId) {
      return em.createQuery(
              "SELECT t FROM Team t WHERE t.workspaceId = :ws ORDER BY t.name", Team.class)
          .setParameter("ws", workspaceId)
          .getResultList();
    }

    @Override
    public Optional<Team> team(UUID workspaceId, UUID teamId) {
      return Optional.ofNullable(em.find(Team.class, teamId))
          .filter(t -> t.workspaceId().equals(workspaceId));
    }

    @Override
    public Optional<Team> teamByName(UUID workspaceId, String name) {
      return em.createQuery(
              "SELECT t FROM Team t WHERE t.workspaceId = :ws AND t.name = :name", Team.class)
          .setParameter("ws", workspaceId)
          .setParameter("name", name)
          .getResultStream()
          .findFirst();
    }

    @Override
    public void add(Team team) {
      em.persist(team);
    }

    @Override
    public void remove(Team team) {
      em.remove(team);
    }

    @Override
    public List<MemberDetails> teamMembers(UUID teamId) {
      return em.createQuery(
              "SELECT m, u FROM TeamMember t, WorkspaceMember m, TenantUser u"
                  + " WHERE t.teamId = :team AND m.workspaceId = t.workspaceId"
                  + " AND m.userId = t.userId AND u.id = t.userId ORDER BY u.username",
              Object[].class)
          .setParameter("team", teamId)
          .getResultStream()
          .map(row -> details((WorkspaceMember) row[0], (TenantUser) row[1]))
          .toList();
    }

    @Override
    public Optional<TeamMember> teamMember(UUID teamId, UUID userId) {
      return em.createQuery(
              "SELECT t FROM TeamMember t WHERE t.teamId = :team AND t.userId = :user",
              TeamMember.class)
          .setParameter("team", teamId)
          .setParameter("user", userId)
          .getResultStream()
          .findFirst();
    }

    @Override
    public void add(TeamMember member) {
      em.persist(member);
    }

    @Override
    public void remove(TeamMember member) {
      em.remove(member);
    }

    @Override
    public List<SharedResource> sharedResources(UUID workspaceId) {
      return em.createQuery(
              "SELECT s FROM SharedResource s WHERE s.sourceWorkspaceId = :ws"
                  + " OR s.targetWorkspaceId = :ws ORDER BY s.sharedAt, s.id",
              SharedResource.class)
          .setParameter("ws", workspaceId)
          .getResultList();
    }

    @Override
    public Optional<SharedResource> sharedResource(UUID workspaceId, UUID shareId) {
      return Optional.ofNullable(em.find(SharedResource.class, shareId))
          .filter(
              s ->
                  s.sourceWorkspaceId().equals(workspaceId)
                      || s.targetWorkspaceId().equals(workspaceId));
    }

    @Override
    public void add(SharedResource share) {
      em.persist(share);
    }

    @Override
    public void remove(SharedResource share) {
      em.remove(share);
    }

    @Override
    public List<Invitation> invitations(UUID workspaceId) {
      return em.createQuery(
              "SELECT i FROM Invitation i WHERE i.workspaceId = :ws ORDER BY i.createdAt DESC",
              Invitation.class)
          .setParameter("ws", workspaceId)
          .getResultList();
    }

    @Override
    public List<Invitation> unansweredInvitations(int max) {
      return em.createQuery(
              "SELECT i FROM Invitation i WHERE i.status = :pending ORDER BY i.createdAt DESC",
              Invitation.class)
          .setParameter("pending", Invitation.Status.PENDING)
          .setMaxResults(max)
          .getResultList();
    }

    @Override
    public Optional<Invitation> invitation(UUID workspaceId, UUID invitationId) {
      return Optional.ofNullable(em.find(Invitation.class, invitationId))
          .filter(i -> i.workspaceId().equals(workspaceId));
    }

    @Override
    public Optional<Invitation> invitationByTokenHash(String tokenHash) {
      return em.createQuery(
              "SELECT i FROM Invitation i WHERE i.tokenHash = :hash", Invitation.class)
          .setParameter("hash", tokenHash)
          .setLockMode(LockModeType.PESSIMISTIC_WRITE)
          .getResultStream()
          .findFirst();
    }

    @Override
    public void add(Invitation invitation) {
      em.persist(invitation);
    }

    @Override
    public void queueMail(Invitation invitation, String invitedBy) {
      // In this transaction (all schemas share it), so an invitation is queued if and only if it
      // is stored.
      em.createNativeQuery(
              "INSERT INTO plexica_core.invitation_mail (invitation_id, tenant_id, workspace_id,"
                  + " invited_by, ticket, attempts, next_attempt_at, queued_at)"
                  + " VALUES (CAST(?1 AS uuid), CAST(?2 AS uuid), CAST(?3 AS uuid), ?4,"
                  + " gen_random_uuid(), 0, now(), now())"
                  + " ON CONFLICT (invitation_id) DO UPDATE SET invited_by = EXCLUDED.invited_by,"
                  + " ticket = EXCLUDED.ticket, attempts = 0, next_attempt_at = now(),"
                  + " last_error = NULL, queued_at = now()")
          .setParameter(1, invitation.id().toString())
          .setParameter(2, tenantId.toString())
          .setParameter(3, invitation.workspaceId().toString())
          .setParameter(4, invitedBy)
          .executeUpdate();
    }

    @Override
    public long storedBytes() {
      // PostgreSQL sums bigint as numeric: whatever number comes back, as a long.
      return ((Number)
              em.createQuery("SELECT COALESCE(SUM(f.size), 0) FROM WorkspaceFile f")
                  .getSingleResult())
          .longValue();
    }

    @Override
    public List<WorkspaceFile> files(UUID workspaceId) {
      return em.createQuery(
              "SELECT f FROM WorkspaceFile f WHERE f.workspaceId = :ws"
                  + " ORDER BY f.uploadedAt DESC, f.id",
              WorkspaceFile.class)
          .setParameter("ws", workspaceId)
          .getResultList();
    }

    @Override
    public Optional<WorkspaceFile> file(UUID workspaceId, UUID fileId) {
      return Optional.ofNullable(em.find(WorkspaceFile.class, fileId))
          .filter(f -> f.workspaceId().equals(workspaceId));
    }

    @Override
    public void add(WorkspaceFile file) {
      em.persist(file);
    }

    @Override
    public void remove(WorkspaceFile file) {
      em.remove(file);
    }

    @Override
    public void add(AuditEntry entry) {
      em.persist(entry);
    }

    @Override
    public void publish(DomainEvent event) {
      EventOutbox.append(em, event, Instant.now());
    }

    private static MemberDetails details(WorkspaceMember member, TenantUser user) {
      UserProfile profile = user.profile();
      String displayName =
          Stream.of(profile.firstName(), profile.lastName())
              .filter(s -> s != null && !s.isBlank())
              .collect(Collectors.joining(" "));
      return new MemberDetails(
          member.userId(),
          profile.username(),
          profile.email(),
          displayName.isEmpty() ? profile.username() : displayName,
          member.role(),
          member.invitedBy(),
          member.joinedAt());
    }
  }
}
