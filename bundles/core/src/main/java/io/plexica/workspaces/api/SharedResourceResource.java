package io.plexica.workspaces.api;

import io.plexica.shared.problem.FieldRules;
import io.plexica.shared.problem.Validation;
import io.plexica.shared.security.RequiresPermission;
import io.plexica.shared.web.CheckedBody;
import io.plexica.shared.web.PathIds;
import io.plexica.shared.web.RequestBodies;
import io.plexica.tenancy.context.TenantScoped;
import io.plexica.workspaces.app.SharingService;
import io.plexica.workspaces.domain.SharedResource;
import io.plexica.workspaces.domain.WorkspaceProblems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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

/** Resources a workspace shares with other workspaces of its tenant, and those shared with it. */
@ApplicationScoped
@Path("/workspaces/{id}/resources")
@Tag(name = "Shared resources")
@TenantScoped
@RequiresPermission("workspaces:read")
@Produces(MediaType.APPLICATION_JSON)
public class SharedResourceResource {
  @Inject SharingService sharing;
  @Inject WorkspaceRequests request;
  @Inject RequestBodies bodies;

  @Schema(name = "SharedResource")
  public record ShareView(
      UUID id,
      UUID sourceWorkspaceId,
      UUID targetWorkspaceId,
      String resourceType,
      String resourceId,
      UUID sharedBy,
      Instant sharedAt) {
    static ShareView of(SharedResource s) {
      return new ShareView(
          s.id(),
          s.sourceWorkspaceId(),
          s.targetWorkspaceId(),
          s.resourceType(),
          s.resourceId(),
          s.sharedBy(),
          s.sharedAt());
    }
  }

  @Schema(name = "ShareResource")
  public record ShareRequest(
      @Schema(required = true) String targetWorkspaceId,
      @Schema(required = true, example = "crm:contact", description = "<owner>:<kind>")
          String resourceType,
      @Schema(required = true, maxLength = SharingService.MAX_RESOURCE_ID) String resourceId)
      implements CheckedBody<NewShare> {
    @Override
    public NewShare value(Validation validation) {
      UUID target =
          validation.check(() -> FieldRules.requiredId("targetWorkspaceId", targetWorkspaceId));
      String type = resourceType == null ? "" : resourceType.strip();
      if (!SharingService.TYPE.matcher(type).matches()) {
        validation.reject(
            "resourceType", "must be <owner>:<kind> in lowercase letters, such as crm:contact");
      }
      String id = resourceId == null ? "" : resourceId.strip();
      if (id.isEmpty() || id.length() > SharingService.MAX_RESOURCE_ID) {
        validation.reject(
            "resourceId", "is required, at most " + SharingService.MAX_RESOURCE_ID + " characters");
      }
      return new NewShare(target, type, id);
    }
  }

  /** A resource to share, its parts valid. */
  record NewShare(UUID targetWorkspaceId, String resourceType, String resourceId) {}

  @GET
  @Operation(
      operationId = "listSharedResources",
      summary = "List resources shared from or into the workspace (any member)")
  @APIResponse(responseCode = "200")
  public List<ShareView> list(@PathParam("id") String id) {
    return sharing
        .list(request.tenant(), request.caller(), WorkspaceRequests.workspaceId(id))
        .stream()
        .map(ShareView::of)
        .toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "shareResource",
      summary = "Share a resource of this workspace with another (MEMBER)",
      description = "The caller must belong to the target workspace too.")
  @RequestBody(
      content =
          @Content(
              examples =
                  @ExampleObject(
                      name = "contact",
                      value =
                          "{\"targetWorkspaceId\":\"0d3c1f4e-8f6a-4b8e-9b4a-3c2e1d0f9a8b\","
                              + "\"resourceType\":\"crm:contact\",\"resourceId\":\"42\"}")))
  @APIResponse(
      responseCode = "201",
      description = "Shared",
      content = @Content(schema = @Schema(implementation = ShareView.class)))
  public Response share(@PathParam("id") String id, ShareRequest body, @Context UriInfo uri) {
    NewShare wanted =
        bodies.value(
            body, "a JSON object with targetWorkspaceId, resourceType and resourceId is required");
    SharedResource share =
        sharing.share(
            request.tenant(),
            request.caller(),
            WorkspaceRequests.workspaceId(id),
            wanted.targetWorkspaceId(),
            wanted.resourceType(),
            wanted.resourceId());
    return Response.created(uri.getAbsolutePathBuilder().path(share.id().toString()).build())
        .entity(ShareView.of(share))
        .build();
  }

  @DELETE
  @Path("{shareId}")
  @Operation(
      operationId = "unshareResource",
      summary = "Stop sharing a resource (MEMBER of either workspace)")
  @APIResponse(responseCode = "204", description = "No longer shared")
  public Response unshare(@PathParam("id") String id, @PathParam("shareId") String shareId) {
    sharing.unshare(
        request.tenant(),
        request.caller(),
        WorkspaceRequests.workspaceId(id),
        PathIds.of(shareId, WorkspaceProblems.RESOURCE_NOT_FOUND, "shared resource"));
    return Response.noContent().build();
  }
}
