package io.plexica.workspaces.api;

import io.plexica.shared.problem.FieldRules;
import io.plexica.shared.problem.Validation;
import io.plexica.shared.security.RequiresPermission;
import io.plexica.shared.web.CheckedBody;
import io.plexica.shared.web.MergePatch;
import io.plexica.shared.web.PathIds;
import io.plexica.shared.web.RequestBodies;
import io.plexica.tenancy.context.TenantScoped;
import io.plexica.workspaces.api.WorkspaceMemberResource.MemberView;
import io.plexica.workspaces.app.TeamService;
import io.plexica.workspaces.app.WorkspaceService;
import io.plexica.workspaces.domain.Team;
import io.plexica.workspaces.domain.WorkspaceProblems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Teams of a workspace and their members. */
@ApplicationScoped
@Path("/workspaces/{id}/teams")
@Tag(name = "Teams")
@TenantScoped
@RequiresPermission("workspaces:read")
@Produces(MediaType.APPLICATION_JSON)
public class TeamResource {
  @Inject TeamService teams;
  @Inject WorkspaceRequests request;
  @Inject RequestBodies bodies;

  @Schema(name = "Team")
  public record TeamView(
      UUID id,
      UUID workspaceId,
      String name,
      @Schema(nullable = true) String description,
      Instant createdAt,
      Instant updatedAt) {
    static TeamView of(Team t) {
      return new TeamView(
          t.id(), t.workspaceId(), t.name(), t.description(), t.createdAt(), t.updatedAt());
    }
  }

  @Schema(
      name = "TeamChanges",
      description = "JSON merge patch (RFC 7396): only the members sent change")
  public record TeamChanges(
      @Schema(maxLength = WorkspaceService.MAX_NAME) String name,
      @Schema(maxLength = WorkspaceService.MAX_DESCRIPTION) String description) {
    private static final Set<String> PATCHABLE = Set.of("name", "description");

    static NameAndDescription read(JsonObject body) {
      return MergePatch.read(body, PATCHABLE, NameAndDescription::read);
    }
  }

  @Schema(name = "CreateTeam")
  public record CreateTeamRequest(
      @Schema(required = true, example = "Design", maxLength = WorkspaceService.MAX_NAME)
          String name,
      @Schema(maxLength = WorkspaceService.MAX_DESCRIPTION) String description)
      implements CheckedBody<NameAndDescription> {
    @Override
    public NameAndDescription value(Validation validation) {
      return NameAndDescription.created(name, description, validation);
    }
  }

  @Schema(name = "AddTeamMember")
  public record AddTeamMemberRequest(
      @Schema(required = true, description = "A member of the workspace") String userId)
      implements CheckedBody<UUID> {
    @Override
    public UUID value(Validation validation) {
      return validation.check(() -> FieldRules.requiredId("userId", userId));
    }
  }

  @GET
  @Operation(operationId = "listTeams", summary = "List the workspace's teams (any member)")
  @APIResponse(responseCode = "200")
  public List<TeamView> list(@PathParam("id") String id) {
    return teams
        .list(request.tenant(), request.caller(), WorkspaceRequests.workspaceId(id))
        .stream()
        .map(TeamView::of)
        .toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "createTeam", summary = "Create a team (ADMIN)")
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = TeamView.class)))
  public Response create(@PathParam("id") String id, CreateTeamRequest body, @Context UriInfo uri) {
    NameAndDescription text = bodies.value(body, "a JSON object with name is required");
    Team team =
        teams.create(
            request.tenant(),
            request.caller(),
            WorkspaceRequests.workspaceId(id),
            text.name(),
            text.description());
    return Response.created(uri.getAbsolutePathBuilder().path(team.id().toString()).build())
        .entity(TeamView.of(team))
        .build();
  }

  @GET
  @Path("{teamId}")
  @Operation(operationId = "getTeam", summary = "Get a team (any member)")
  @APIResponse(responseCode = "200")
  public TeamView get(@PathParam("id") String id, @PathParam("teamId") String teamId) {
    return TeamView.of(
        teams.get(
            request.tenant(), request.caller(), WorkspaceRequests.workspaceId(id), team(teamId)));
  }

  @PATCH
  @Path("{teamId}")
  @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
  @Operation(operationId = "updateTeam", summary = "Rename or re-describe a team (ADMIN)")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MergePatch.MEDIA_TYPE,
              schema = @Schema(implementation = TeamChanges.class)))
  @APIResponse(responseCode = "200")
  public TeamView update(
      @PathParam("id") String id, @PathParam("teamId") String teamId, JsonObject patch) {
    NameAndDescription text = TeamChanges.read(patch);
    return TeamView.of(
        teams.update(
            request.tenant(),
            request.caller(),
            WorkspaceRequests.workspaceId(id),
            team(teamId),
            text.name(),
            text.description(),
            text.clearDescription()));
  }

  @DELETE
  @Path("{teamId}")
  @Operation(operationId = "deleteTeam", summary = "Delete a team (ADMIN)")
  @APIResponse(responseCode = "204", description = "Deleted")
  public Response delete(@PathParam("id") String id, @PathParam("teamId") String teamId) {
    teams.delete(
        request.tenant(), request.caller(), WorkspaceRequests.workspaceId(id), team(teamId));
    return Response.noContent().build();
  }

  @GET
  @Path("{teamId}/members")
  @Operation(operationId = "listTeamMembers", summary = "List a team's members (any member)")
  @APIResponse(responseCode = "200")
  public List<MemberView> members(@PathParam("id") String id, @PathParam("teamId") String teamId) {
    return teams
        .members(
            request.tenant(), request.caller(), WorkspaceRequests.workspaceId(id), team(teamId))
        .stream()
        .map(MemberView::of)
        .toList();
  }

  @POST
  @Path("{teamId}/members")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "addTeamMember", summary = "Add a workspace member to a team (ADMIN)")
  @APIResponse(
      responseCode = "201",
      description = "Added",
      content = @Content(schema = @Schema(implementation = MemberView.class)))
  public Response addMember(
      @PathParam("id") String id,
      @PathParam("teamId") String teamId,
      AddTeamMemberRequest body,
      @Context UriInfo uri) {
    UUID userId = bodies.value(body, "a JSON object with userId is required");
    var added =
        teams.addMember(
            request.tenant(),
            request.caller(),
            WorkspaceRequests.workspaceId(id),
            team(teamId),
            userId);
    return Response.created(uri.getAbsolutePathBuilder().path(userId.toString()).build())
        .entity(MemberView.of(added))
        .build();
  }

  @DELETE
  @Path("{teamId}/members/{userId}")
  @Operation(operationId = "removeTeamMember", summary = "Remove a member from a team (ADMIN)")
  @APIResponse(responseCode = "204", description = "Removed")
  public Response removeMember(
      @PathParam("id") String id,
      @PathParam("teamId") String teamId,
      @PathParam("userId") String userId) {
    teams.removeMember(
        request.tenant(),
        request.caller(),
        WorkspaceRequests.workspaceId(id),
        team(teamId),
        PathIds.of(userId, WorkspaceProblems.MEMBER_NOT_FOUND, "member"));
    return Response.noContent().build();
  }

  private static UUID team(String raw) {
    return PathIds.of(raw, WorkspaceProblems.TEAM_NOT_FOUND, "team");
  }
}
