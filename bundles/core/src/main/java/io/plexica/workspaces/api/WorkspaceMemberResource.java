package io.plexica.workspaces.api;

import io.plexica.shared.problem.FieldRules;
import io.plexica.shared.problem.Validation;
import io.plexica.shared.security.RequiresPermission;
import io.plexica.shared.web.CheckedBody;
import io.plexica.shared.web.PathIds;
import io.plexica.shared.web.RequestBodies;
import io.plexica.tenancy.context.TenantScoped;
import io.plexica.workspaces.app.MemberService;
import io.plexica.workspaces.domain.MemberDetails;
import io.plexica.workspaces.domain.WorkspaceProblems;
import io.plexica.workspaces.domain.WorkspaceRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Members of a workspace and their roles. */
@ApplicationScoped
@Path("/workspaces/{id}/members")
@Tag(name = "Workspace members")
@TenantScoped
@RequiresPermission("workspaces:read")
@Produces(MediaType.APPLICATION_JSON)
public class WorkspaceMemberResource {
  @Inject MemberService members;
  @Inject WorkspaceRequests request;
  @Inject RequestBodies bodies;

  @Schema(name = "WorkspaceMember")
  public record MemberView(
      UUID userId,
      String username,
      String email,
      String displayName,
      WorkspaceRole role,
      UUID invitedBy,
      Instant joinedAt) {
    static MemberView of(MemberDetails m) {
      return new MemberView(
          m.userId(),
          m.username(),
          m.email(),
          m.displayName(),
          m.role(),
          m.invitedBy(),
          m.joinedAt());
    }
  }

  @Schema(name = "AddWorkspaceMember")
  public record AddMemberRequest(
      @Schema(required = true, description = "A user of the same tenant") String userId,
      @Schema(
              required = true,
              enumeration = {"ADMIN", "MEMBER", "VIEWER"})
          String role)
      implements CheckedBody<NewMember> {
    @Override
    public NewMember value(Validation validation) {
      return new NewMember(
          validation.check(() -> FieldRules.requiredId("userId", userId)),
          validation.check(() -> WorkspaceRole.parse("role", role)));
    }
  }

  /** A member to add, its parts valid. */
  record NewMember(UUID userId, WorkspaceRole role) {}

  @Schema(name = "ChangeWorkspaceRole")
  public record ChangeRoleRequest(
      @Schema(
              required = true,
              enumeration = {"ADMIN", "MEMBER", "VIEWER"})
          String role)
      implements CheckedBody<WorkspaceRole> {
    @Override
    public WorkspaceRole value(Validation validation) {
      return validation.check(() -> WorkspaceRole.parse("role", role));
    }
  }

  @GET
  @Operation(
      operationId = "listWorkspaceMembers",
      summary = "List the workspace's members (any member)")
  @APIResponse(responseCode = "200")
  public List<MemberView> list(@PathParam("id") String id) {
    return members
        .list(request.tenant(), request.caller(), WorkspaceRequests.workspaceId(id))
        .stream()
        .map(MemberView::of)
        .toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "addWorkspaceMember",
      summary = "Add a user of the tenant to the workspace (ADMIN)")
  @RequestBody(
      content =
          @Content(
              examples =
                  @ExampleObject(
                      name = "member",
                      value =
                          "{\"userId\":\"5f0c7c1e-2d1b-4c53-9f7e-0b1f5a7d9e10\","
                              + "\"role\":\"MEMBER\"}")))
  @APIResponse(
      responseCode = "201",
      description = "Added",
      content = @Content(schema = @Schema(implementation = MemberView.class)))
  @APIResponse(responseCode = "409", description = "Already a member")
  public Response add(@PathParam("id") String id, AddMemberRequest body, @Context UriInfo uri) {
    NewMember wanted = bodies.value(body, "a JSON object with userId and role is required");
    MemberDetails added =
        members.add(
            request.tenant(),
            request.caller(),
            WorkspaceRequests.workspaceId(id),
            wanted.userId(),
            wanted.role());
    return Response.created(uri.getAbsolutePathBuilder().path(wanted.userId().toString()).build())
        .entity(MemberView.of(added))
        .build();
  }

  @PATCH
  @Path("{userId}")
  @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
  @Operation(
      operationId = "changeWorkspaceMemberRole",
      summary = "Change a member's role (ADMIN)",
      description = "The workspace's last ADMIN cannot be demoted (409).")
  @APIResponse(responseCode = "200")
  @APIResponse(responseCode = "409", description = "Last ADMIN")
  public MemberView changeRole(
      @PathParam("id") String id, @PathParam("userId") String userId, ChangeRoleRequest body) {
    WorkspaceRole role = bodies.value(body, "a JSON object with role is required");
    return MemberView.of(
        members.changeRole(
            request.tenant(),
            request.caller(),
            WorkspaceRequests.workspaceId(id),
            member(userId),
            role));
  }

  @DELETE
  @Path("{userId}")
  @Operation(
      operationId = "removeWorkspaceMember",
      summary = "Remove a member (ADMIN), or leave the workspace (yourself)",
      description = "The workspace's last ADMIN cannot be removed (409).")
  @APIResponse(responseCode = "204", description = "Removed")
  public Response remove(@PathParam("id") String id, @PathParam("userId") String userId) {
    members.remove(
        request.tenant(), request.caller(), WorkspaceRequests.workspaceId(id), member(userId));
    return Response.noContent().build();
  }

  private static UUID member(String raw) {
    return PathIds.of(raw, WorkspaceProblems.MEMBER_NOT_FOUND, "member");
  }
}
