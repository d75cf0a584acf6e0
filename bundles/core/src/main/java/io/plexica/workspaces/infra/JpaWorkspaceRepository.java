package io.plexica.workspaces.infra;

import io.plexica.shared.persistence.Database;
import io.plexica.shared.persistence.SqlErrors;
import io.plexica.shared.problem.ProblemException;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.workspaces.domain.Workspace;
import io.plexica.workspaces.domain.WorkspaceProblems;
import io.plexica.workspaces.domain.WorkspaceRepository;
import io.plexica.workspaces.domain.WorkspaceSlug;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Workspaces in the {@code workspace} table of each tenant schema. */
@ApplicationScoped
public class JpaWorkspaceRepository implements WorkspaceRepository {
  private Database database;

  protected JpaWorkspaceRepository() {}

  @Inject
  public JpaWorkspaceRepository(Database database) {
    this.database = database;
  }

  @Override
  public void insert(TenantRef tenant, Workspace workspace) {
    try {
      database.inTenant(
          tenant.schemaName(),
          em -> {
            em.persist(workspace);
            return null;
          });
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
  public Optional<Workspace> findById(TenantRef tenant, UUID id) {
    return Optional.ofNullable(
        database.readTenant(tenant.schemaName(), em -> em.find(Workspace.class, id)));
  }

  @Override
  public List<Workspace> list(TenantRef tenant) {
    return database.readTenant(
        tenant.schemaName(),
        em ->
            em.createQuery("SELECT w FROM Workspace w ORDER BY w.slug", Workspace.class)
                .getResultList());
  }

  @Override
  public void deleteBySlug(TenantRef tenant, WorkspaceSlug slug) {
    database.inTenant(
        tenant.schemaName(),
        em -> {
          Object table =
              em.createNativeQuery("SELECT CAST(to_regclass(?1) AS text)")
                  .setParameter(1, '"' + tenant.schemaName() + "\".workspace")
                  .getSingleResult();
          if (table == null) {
            return 0;
          }
          return em.createQuery("DELETE FROM Workspace w WHERE w.slug = :slug")
              .setParameter("slug", slug.value())
              .executeUpdate();
        });
  }
}
