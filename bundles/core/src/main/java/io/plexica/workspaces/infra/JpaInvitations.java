package io.plexica.workspaces.infra;

import io.plexica.workspaces.domain.Invitation;
import io.plexica.workspaces.domain.WorkspaceStore;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Invitations to workspaces, and the queue that mails them. */
final class JpaInvitations implements WorkspaceStore.Invitations {
  private final UUID tenantId;
  private final EntityManager em;

  JpaInvitations(UUID tenantId, EntityManager em) {
    this.tenantId = tenantId;
    this.em = em;
  }

  @Override
  public List<Invitation> list(UUID workspaceId) {
    return em.createQuery(
            "SELECT i FROM Invitation i WHERE i.workspaceId = :ws ORDER BY i.createdAt DESC",
            Invitation.class)
        .setParameter("ws", workspaceId)
        .getResultList();
  }

  @Override
  public List<Invitation> unanswered(int max) {
    return em.createQuery(
            "SELECT i FROM Invitation i WHERE i.status = :pending ORDER BY i.createdAt DESC",
            Invitation.class)
        .setParameter("pending", Invitation.Status.PENDING)
        .setMaxResults(max)
        .getResultList();
  }

  @Override
  public Optional<Invitation> find(UUID workspaceId, UUID invitationId) {
    return Optional.ofNullable(em.find(Invitation.class, invitationId))
        .filter(i -> i.workspaceId().equals(workspaceId));
  }

  @Override
  public Optional<Invitation> byTokenHash(String tokenHash) {
    return em.createQuery("SELECT i FROM Invitation i WHERE i.tokenHash = :hash", Invitation.class)
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
}
