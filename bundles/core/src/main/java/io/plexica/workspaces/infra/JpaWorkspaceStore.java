package io.plexica.workspaces.infra;

import io.plexica.audit.domain.AuditEntry;
import io.plexica.shared.events.DomainEvent;
import io.plexica.shared.persistence.Database;
import io.plexica.shared.persistence.EventOutbox;
import io.plexica.shared.persistence.SqlErrors;
import io.plexica.shared.problem.ProblemException;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.workspaces.domain.Workspace;
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
      return database.inTenant(tenant.database(), em -> work.apply(new JpaTx(tenant.id(), em)));
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
    return database.readTenant(tenant.database(), em -> work.apply(new JpaTx(tenant.id(), em)));
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
    public Members members() {
      return new JpaMembers(em);
    }

    @Override
    public Teams teams() {
      return new JpaTeams(em);
    }

    @Override
    public Shares shares() {
      return new JpaShares(em);
    }

    @Override
    public Invitations invitations() {
      return new JpaInvitations(tenantId, em);
    }

    @Override
    public Files files() {
      return new JpaFiles(em);
    }

    @Override
    public void add(AuditEntry entry) {
      em.persist(entry);
    }

    @Override
    public void publish(DomainEvent event) {
      EventOutbox.append(em, event, Instant.now());
    }
  }
}
