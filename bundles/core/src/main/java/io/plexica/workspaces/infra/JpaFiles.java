package io.plexica.workspaces.infra;

import io.plexica.workspaces.domain.WorkspaceFile;
import io.plexica.workspaces.domain.WorkspaceStore;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Files of workspaces (their rows; the bytes are in object storage). */
final class JpaFiles implements WorkspaceStore.Files {
  private final EntityManager em;

  JpaFiles(EntityManager em) {
    this.em = em;
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
  public List<WorkspaceFile> list(UUID workspaceId) {
    return em.createQuery(
            "SELECT f FROM WorkspaceFile f WHERE f.workspaceId = :ws"
                + " ORDER BY f.uploadedAt DESC, f.id",
            WorkspaceFile.class)
        .setParameter("ws", workspaceId)
        .getResultList();
  }

  @Override
  public Optional<WorkspaceFile> find(UUID workspaceId, UUID fileId) {
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
}
