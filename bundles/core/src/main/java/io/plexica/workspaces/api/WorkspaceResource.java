package io.plexica.workspaces.api;

import io.plexica.shared.json.JsonText;
import io.plexica.shared.problem.Validation;
import io.plexica.shared.security.RequiresPermission;
import io.plexica.shared.web.CheckedBody;
import io.plexica.shared.web.MergePatch;
import io.plexica.shared.web.RequestBodies;
import io.plexica.tenancy.context.TenantScoped;
import io.plexica.workspaces.app.WorkspaceService;
import io.plexica.workspaces.domain.WorkspaceRole;
import io.plexica.workspaces.domain.WorkspaceSlug;
import io.plexica.workspaces.domain.WorkspaceStore.Membership;
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
import jakarta.ws.rs.QueryParam;
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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The workspaces of the tenant named in {@code X-Tenant-ID}. Every caller sees the workspaces it
 * belongs to (tenant administrators: all of them); its role there decides what it may change.
 */
@ApplicationScoped
@Path("/workspaces")
@Tag(name = "Workspaces")
@TenantScoped
@RequiresPermission("workspaces:read")
@Produces(MediaType.APPLICATION_JSON)
public class WorkspaceResource {
  static final int MAX_SETTINGS = 16 * 1024;

  @Inject WorkspaceService workspaces;
  @Inject WorkspaceRequests request;
  @Inject RequestBodies bodies;

  @Schema(name = "CreateWorkspace")
  public record CreateWorkspaceRequest(
      @Schema(required = true, example = "marketing") String slug,
      @Schema(required = true, example = "Marketing", maxLength = WorkspaceService.MAX_NAME)
          String name,
      @Schema(maxLength = WorkspaceService.MAX_DESCRIPTION) String description)
      implements CheckedBody<NewWorkspace> {
    @Override
    public NewWorkspace value(Validation validation) {
      return new NewWorkspace(
          validation.check(() -> new WorkspaceSlug(slug)),
          NameAndDescription.created(name, description, validation));
    }
  }

  /** A workspace to create, its parts valid. */
  record NewWorkspace(WorkspaceSlug slug, NameAndDescription text) {}

  @Schema(
      name = "WorkspaceChanges",
      description = "JSON merge patch (RFC 7396): only the members sent change")
  public record WorkspaceChanges(
      @Schema(maxLength = WorkspaceService.MAX_NAME) String name,
      @Schema(maxLength = WorkspaceService.MAX_DESCRIPTION) String description,
      @Schema(description = "Replaces the workspace's settings object") JsonObject settings) {
    private static final Set<String> PATCHABLE = Set.of("name", "description", "settings");

    /** The changes a merge patch asks for; 400 naming every member in error. */
    static WorkspaceService.Changes read(JsonObject body) {
      return MergePatch.read(
          body,
          PATCHABLE,
          patch -> {
            NameAndDescription text = NameAndDescription.read(patch);
            String settings = patch.object("settings").map(JsonObject::toString).orElse(null);
            if (settings != null && settings.length() > MAX_SETTINGS) {
              patch.reject("settings", "must be at most " + MAX_SETTINGS / 1024 + " KiB of JSON");
            }
            return new WorkspaceService.Changes(
                text.name(), text.description(), text.clearDescription(), settings);
          });
    }
  }

  @Schema(name = "Workspace")
  public record WorkspaceView(
      UUID id,
      String slug,
      String name,
      @Schema(nullable = true) String description,
      @Schema(description = "A JSON object the workspace's administrators set") JsonObject settings,
      @Schema(description = "The caller's role in the workspace") WorkspaceRole role,
      Instant createdAt,
      Instant updatedAt) {
    static WorkspaceView of(Membership membership) {
      var w = membership.workspace();
      return new WorkspaceView(
          w.id(),
          w.slug(),
          w.name(),
          w.description(),
          JsonText.object(w.settings()),
          membership.role(),
          w.createdAt(),
          w.updatedAt());
    }
  }

  @GET
  @Operation(
      operationId = "listWorkspaces",
      summary = "List the caller's workspaces",
      description = "With the caller's role in each; tenant administrators see every workspace.")
  @APIResponse(responseCode = "200")
  public List<WorkspaceView> list() {
    return workspaces.list(request.tenant(), request.caller()).stream()
        .map(WorkspaceView::of)
        .toList();
  }

  @POST
  @RequiresPermission("workspaces:create")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "createWorkspace",
      summary = "Create a workspace; the caller becomes its ADMIN")
  @RequestBody(
      content =
          @Content(
              examples =
                  @ExampleObject(
                      name = "marketing",
                      value = "{\"slug\":\"marketing\",\"name\":\"Marketing\"}")))
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = WorkspaceView.class)))
  @APIResponse(
      responseCode = "409",
      description = "Slug taken in this tenant, or the tenant's workspace quota reached")
  @APIResponse(
      responseCode = "422",
      description = "A plugin enabled in the tenant vetoed the workspace (workspace-vetoed)")
  public Response create(CreateWorkspaceRequest body, @Context UriInfo uri) {
    NewWorkspace wanted = bodies.value(body, "a JSON object with slug and name is required");
    Membership created =
        workspaces.create(
            request.tenant(),
            request.caller(),
            wanted.slug(),
            wanted.text().name(),
            wanted.text().description());
    return Response.created(
            uri.getAbsolutePathBuilder().path(created.workspace().id().toString()).build())
        .entity(WorkspaceView.of(created))
        .build();
  }

  @GET
  @Path("{id}")
  @Operation(operationId = "getWorkspace", summary = "Get a workspace with the caller's role in it")
  @APIResponse(responseCode = "200")
  @APIResponse(
      responseCode = "404",
      description = "No such workspace, or the caller is not a member")
  public WorkspaceView get(@PathParam("id") String id) {
    return WorkspaceView.of(
        workspaces.get(request.tenant(), request.caller(), WorkspaceRequests.workspaceId(id)));
  }

  @PATCH
  @Path("{id}")
  @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
  @Operation(
      operationId = "updateWorkspace",
      summary = "Change a workspace's name, description or settings (ADMIN)",
      description = "A JSON merge patch; settings replace the workspace's settings object.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MergePatch.MEDIA_TYPE,
              schema = @Schema(implementation = WorkspaceChanges.class),
              examples =
                  @ExampleObject(
                      name = "rename",
                      value = "{\"name\":\"Growth\",\"settings\":{\"color\":\"teal\"}}")))
  @APIResponse(responseCode = "200")
  public WorkspaceView update(@PathParam("id") String id, JsonObject patch) {
    return WorkspaceView.of(
        workspaces.update(
            request.tenant(),
            request.caller(),
            WorkspaceRequests.workspaceId(id),
            WorkspaceChanges.read(patch)));
  }

  @DELETE
  @Path("{id}")
  @Operation(
      operationId = "deleteWorkspace",
      summary = "Delete a workspace (ADMIN)",
      description =
          "With its members, invitations, shares and files. A workspace with teams is kept (409)"
              + " unless deleteTeams=true; the default workspace is always kept.")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "409", description = "The workspace has teams, or is the default one")
  public Response delete(
      @PathParam("id") String id,
      @Parameter(description = "Delete the workspace's teams too") @QueryParam("deleteTeams")
          boolean deleteTeams) {
    workspaces.delete(
        request.tenant(), request.caller(), WorkspaceRequests.workspaceId(id), deleteTeams);
    return Response.noContent().build();
  }
}
