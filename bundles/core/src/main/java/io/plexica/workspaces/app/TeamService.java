package io.plexica.workspaces.app;

import io.plexica.shared.problem.FieldError;
import io.plexica.shared.problem.ProblemException;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.workspaces.domain.MemberDetails;
import io.plexica.workspaces.domain.Team;
import io.plexica.workspaces.domain.TeamMember;
import io.plexica.workspaces.domain.WorkspaceProblems;
import io.plexica.workspaces.domain.WorkspaceRole;
import io.plexica.workspaces.domain.WorkspaceStore;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Teams of a workspace: every member reads them, {@code ADMIN}s create, rename, delete them and
 * choose their members among the workspace's members.
 */
public class TeamService {
  private final WorkspaceStore store;
  private final WorkspaceAccess access;
  private final AuditTrail audit;
  private final Clock clock;

  public TeamService(WorkspaceStore store, WorkspaceAccess access, Clock clock) {
    this.store = store;
    this.access = access;
    this.audit = new AuditTrail(clock);
    this.clock = clock;
  }

  public List<Team> list(TenantRef tenant, Caller caller, UUID workspaceId) {
    access.require(tenant, caller, workspaceId, WorkspaceRole.VIEWER);
    return store.read(tenant, tx -> tx.teams().list(workspaceId));
  }

  public Team get(TenantRef tenant, Caller caller, UUID workspaceId, UUID teamId) {
    access.require(tenant, caller, workspaceId, WorkspaceRole.VIEWER);
    return store.read(tenant, tx -> team(tx, workspaceId, teamId));
  }

  public Team create(
      TenantRef tenant, Caller caller, UUID workspaceId, String name, String description) {
    access.require(tenant, caller, workspaceId, WorkspaceRole.ADMIN);
    return store.inTransaction(
        tenant,
        tx -> {
          requireFreeName(tx, workspaceId, name);
          Team team = new Team(workspaceId, name, description, clock.instant());
          tx.teams().add(team);
          audit.record(
              tx,
              caller.actor(),
              "team.created",
              workspaceId,
              "team",
              team.id(),
              null,
              state(team));
          return team;
        });
  }

  /** Renames or re-describes a team; null leaves a field as it is. */
  public Team update(
      TenantRef tenant,
      Caller caller,
      UUID workspaceId,
      UUID teamId,
      String name,
      String description,
      boolean clearDescription) {
    access.require(tenant, caller, workspaceId, WorkspaceRole.ADMIN);
    return store.inTransaction(
        tenant,
        tx -> {
          Team team = team(tx, workspaceId, teamId);
          Map<String, Object> before = state(team);
          String newName = name != null ? name : team.name();
          if (!newName.equals(team.name())) {
            requireFreeName(tx, workspaceId, newName);
          }
          String newDescription =
              clearDescription ? null : description != null ? description : team.description();
          team.update(newName, newDescription, clock.instant());
          Map<String, Object> after = state(team);
          if (!after.equals(before)) {
            audit.record(
                tx, caller.actor(), "team.updated", workspaceId, "team", teamId, before, after);
          }
          return team;
        });
  }

  public void delete(TenantRef tenant, Caller caller, UUID workspaceId, UUID teamId) {
    access.require(tenant, caller, workspaceId, WorkspaceRole.ADMIN);
    store.inTransaction(
        tenant,
        tx -> {
          Team team = team(tx, workspaceId, teamId);
          Map<String, Object> before = state(team);
          before.put("members", tx.teams().members(teamId).size());
          tx.teams().remove(team);
          audit.record(
              tx, caller.actor(), "team.deleted", workspaceId, "team", teamId, before, null);
          return null;
        });
  }

  public List<MemberDetails> members(
      TenantRef tenant, Caller caller, UUID workspaceId, UUID teamId) {
    access.require(tenant, caller, workspaceId, WorkspaceRole.VIEWER);
    return store.read(
        tenant,
        tx -> {
          team(tx, workspaceId, teamId);
          return tx.teams().members(teamId);
        });
  }

  public MemberDetails addMember(
      TenantRef tenant, Caller caller, UUID workspaceId, UUID teamId, UUID userId) {
    access.require(tenant, caller, workspaceId, WorkspaceRole.ADMIN);
    return store.inTransaction(
        tenant,
        tx -> {
          Team team = team(tx, workspaceId, teamId);
          if (tx.members().find(workspaceId, userId).isEmpty()) {
            throw ProblemException.invalid(
                "userId", "is not a member of the workspace; add the user to the workspace first");
          }
          if (tx.teams().member(teamId, userId).isPresent()) {
            throw new ProblemException(
                WorkspaceProblems.TEAM_MEMBER_EXISTS,
                MemberService.nameOf(tx, workspaceId, userId)
                    + " is already in the team "
                    + team.name()
                    + ".");
          }
          tx.teams().add(new TeamMember(team, userId, clock.instant()));
          audit.record(
              tx,
              caller.actor(),
              "team.member_added",
              workspaceId,
              "team",
              teamId,
              null,
              Map.of("userId", userId.toString()));
          return MemberService.details(tx, workspaceId, userId);
        });
  }

  public void removeMember(
      TenantRef tenant, Caller caller, UUID workspaceId, UUID teamId, UUID userId) {
    access.require(tenant, caller, workspaceId, WorkspaceRole.ADMIN);
    store.inTransaction(
        tenant,
        tx -> {
          team(tx, workspaceId, teamId);
          TeamMember member =
              tx.teams()
                  .member(teamId, userId)
                  .orElseThrow(
                      () ->
                          new ProblemException(
                              WorkspaceProblems.MEMBER_NOT_FOUND,
                              MemberService.nameOf(tx, workspaceId, userId)
                                  + " is not in the team."));
          tx.teams().remove(member);
          audit.record(
              tx,
              caller.actor(),
              "team.member_removed",
              workspaceId,
              "team",
              teamId,
              Map.of("userId", userId.toString()),
              null);
          return null;
        });
  }

  private static Team team(WorkspaceStore.Tx tx, UUID workspaceId, UUID teamId) {
    return tx.teams()
        .find(workspaceId, teamId)
        .orElseThrow(
            () ->
                new ProblemException(
                    WorkspaceProblems.TEAM_NOT_FOUND,
                    "The workspace has no team with id " + teamId + "."));
  }

  private static void requireFreeName(WorkspaceStore.Tx tx, UUID workspaceId, String name) {
    if (tx.teams().byName(workspaceId, name).isPresent()) {
      throw new ProblemException(
          WorkspaceProblems.TEAM_NAME_TAKEN,
          "The workspace already has a team named '" + name + "'.",
          List.of(new FieldError("name", "is already taken")));
    }
  }

  private static Map<String, Object> state(Team team) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("name", team.name());
    state.put("description", team.description());
    return state;
  }
}
