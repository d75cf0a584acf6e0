package io.plexica.workspaces.infra;

import io.plexica.workspaces.domain.SharedResource;
import io.plexica.workspaces.domain.WorkspaceStore;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Resources shared between workspaces. */
final class JpaShares implements WorkspaceStore.Shares {
  private final EntityManager em;

  JpaShares(EntityManager em) {
    this.em = em;
  }

  @Override
  public List<SharedResource> list(UUID workspaceId) {
    return em.createQuery(
            "SELECT s FROM SharedResource s WHERE s.sourceWorkspaceId = :ws"
                + " OR s.targetWorkspaceId = :ws ORDER BY s.sharedAt, s.id",
            SharedResource.class)
        .setParameter("ws", workspaceId)
        .getResultList();
  }

  @Override
  public Optional<SharedResource> find(UUID workspaceId, UUID shareId) {
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
}
