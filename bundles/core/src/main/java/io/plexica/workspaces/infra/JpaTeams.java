package io.plexica.workspaces.infra;

import io.plexica.identity.domain.TenantUser;
import io.plexica.workspaces.domain.MemberDetails;
import io.plexica.workspaces.domain.Team;
import io.plexica.workspaces.domain.TeamMember;
import io.plexica.workspaces.domain.WorkspaceMember;
import io.plexica.workspaces.domain.WorkspaceStore;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Teams of workspaces and their members. */
final class JpaTeams implements WorkspaceStore.Teams {
  private final EntityManager em;

  JpaTeams(EntityManager em) {
    this.em = em;
  }

  @Override
  public List<Team> list(UUID workspaceId) {
    return em.createQuery(
            "SELECT t FROM Team t WHERE t.workspaceId = :ws ORDER BY t.name", Team.class)
        .setParameter("ws", workspaceId)
        .getResultList();
  }

  @Override
  public Optional<Team> find(UUID workspaceId, UUID teamId) {
    return Optional.ofNullable(em.find(Team.class, teamId))
        .filter(t -> t.workspaceId().equals(workspaceId));
  }

  @Override
  public Optional<Team> byName(UUID workspaceId, String name) {
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
  public List<MemberDetails> members(UUID teamId) {
    return em.createQuery(
            "SELECT m, u FROM TeamMember t, WorkspaceMember m, TenantUser u"
                + " WHERE t.teamId = :team AND m.workspaceId = t.workspaceId"
                + " AND m.userId = t.userId AND u.id = t.userId ORDER BY u.username",
            Object[].class)
        .setParameter("team", teamId)
        .getResultStream()
        .map(row -> JpaMembers.details((WorkspaceMember) row[0], (TenantUser) row[1]))
        .toList();
  }

  @Override
  public Optional<TeamMember> member(UUID teamId, UUID userId) {
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
}
