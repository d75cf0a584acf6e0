package io.plexica.workspaces.api;

import io.plexica.shared.problem.FieldRules;
import io.plexica.shared.problem.ProblemDocument;
import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.problem.Validation;
import io.plexica.shared.security.RequiresPermission;
import io.plexica.tenancy.context.CurrentTenant;
import io.plexica.tenancy.context.TenantScoped;
import io.plexica.workspaces.app.WorkspaceService;
import io.plexica.workspaces.domain.Workspace;
import io.plexica.workspaces.domain.WorkspaceProblems;
import io.plexica.workspaces.domain.WorkspaceSlug;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The workspaces of the tenant named in {@code X-Tenant-ID}. */
@ApplicationScoped
@Path("/workspaces")
@Tag(name = "Workspaces")
@TenantScoped
@Produces(MediaType.APPLICATION_JSON)
public class WorkspaceResource {
  private static final String TENANT_DOC = "The tenant's id or slug";

  @Inject WorkspaceService workspaces;
  @Inject CurrentTenant tenant;

  @Schema(name = "CreateWorkspace")
  public record CreateWorkspaceRequest(
      @Schema(required = true, example = "marketing") String slug,
      @Schema(required = true, example = "Marketing", maxLength = WorkspaceService.MAX_NAME)
          String name,
      @Schema(maxLength = WorkspaceService.MAX_DESCRIPTION) String description) {}

  @Schema(name = "Workspace")
  public record WorkspaceView(
      UUID id, String slug, String name, String description, Instant createdAt, Instant updatedAt) {
    static WorkspaceView of(Workspace w) {
      return new WorkspaceView(
          w.id(), w.slug(), w.name(), w.description(), w.createdAt(), w.updatedAt());
    }
  }

  @GET
  @RequiresPermission("workspaces:read")
  @Operation(summary = "List the tenant's workspaces")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content = @Content(schema = @Schema(implementation = WorkspaceView[].class)))
  @APIResponse(
      responseCode = "400",
      description = "No tenant named",
      content = @Content(mediaType = ProblemDocument.MEDIA_TYPE))
  public List<WorkspaceView> list(
      @Parameter(description = TENANT_DOC, required = true) @HeaderParam(TenantScoped.HEADER)
          String tenantId) {
    return workspaces.list(tenant.require()).stream().map(WorkspaceView::of).toList();
  }

  @POST
  @RequiresPermission("workspaces:create")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a workspace")
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
      description = "Slug taken in this tenant",
      content = @Content(mediaType = ProblemDocument.MEDIA_TYPE))
  public Response create(
      @Parameter(description = TENANT_DOC, required = true) @HeaderParam(TenantScoped.HEADER)
          String tenantId,
      CreateWorkspaceRequest body,
      @Context UriInfo uri) {
    if (body == null) {
      throw ProblemException.invalid("body", "a JSON object with slug and name is required");
    }
    Validation validation = new Validation();
    WorkspaceSlug slug = validation.check(() -> new WorkspaceSlug(body.slug()));
    String name =
        validation.check(
            () -> FieldRules.requiredName("name", body.name(), WorkspaceService.MAX_NAME));
    String description =
        validation.check(
            () ->
                FieldRules.optionalText(
                    "description", body.description(), WorkspaceService.MAX_DESCRIPTION));
    validation.throwIfInvalid();
    Workspace created = workspaces.create(tenant.require(), slug, name, description);
    return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
        .entity(WorkspaceView.of(created))
        .build();
  }

  @GET
  @Path("{id}")
  @RequiresPermission("workspaces:read")
  @Operation(summary = "Get a workspace")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content = @Content(schema = @Schema(implementation = WorkspaceView.class)))
  @APIResponse(
      responseCode = "404",
      description = "Not in this tenant",
      content = @Content(mediaType = ProblemDocument.MEDIA_TYPE))
  public WorkspaceView get(
      @Parameter(description = TENANT_DOC, required = true) @HeaderParam(TenantScoped.HEADER)
          String tenantId,
      @PathParam("id") String id) {
    UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(
          WorkspaceProblems.WORKSPACE_NOT_FOUND, "No workspace has id " + id + ".");
    }
    return WorkspaceView.of(workspaces.get(tenant.require(), uuid));
  }
}
