package io.plexica.workspaces.infra;

import io.plexica.identity.domain.TenantUser;
import io.plexica.identity.domain.UserProfile;
import io.plexica.workspaces.domain.MemberDetails;
import io.plexica.workspaces.domain.WorkspaceMember;
import io.plexica.workspaces.domain.WorkspaceStore;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Members of workspaces, with their users' names from the tenant's user mirror. */
final class JpaMembers implements WorkspaceStore.Members {
  private final EntityManager em;

  JpaMembers(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<WorkspaceMember> find(UUID workspaceId, UUID userId) {
    return Optional.ofNullable(
        em.find(WorkspaceMember.class, new WorkspaceMember.Key(workspaceId, userId)));
  }

  @Override
  public Optional<WorkspaceMember> byEmail(UUID workspaceId, String email) {
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
  public List<MemberDetails> list(UUID workspaceId) {
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
  public Optional<MemberDetails> details(UUID workspaceId, UUID userId) {
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

  static MemberDetails details(WorkspaceMember member, TenantUser user) {
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
