package io.plexica.tenancy.api;

import io.plexica.shared.problem.ProblemDocument;
import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.security.PlatformAdminOnly;
import io.plexica.shared.web.MergePatch;
import io.plexica.shared.web.PageParameters;
import io.plexica.shared.web.RequestBodies;
import io.plexica.tenancy.api.TenantViews.CreateTenantRequest;
import io.plexica.tenancy.api.TenantViews.NewTenant;
import io.plexica.tenancy.api.TenantViews.ProvisioningView;
import io.plexica.tenancy.api.TenantViews.TenantChanges;
import io.plexica.tenancy.api.TenantViews.TenantPageView;
import io.plexica.tenancy.api.TenantViews.TenantView;
import io.plexica.tenancy.app.TenantService;
import io.plexica.tenancy.domain.Tenant;
import io.plexica.tenancy.domain.TenantQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Platform-level tenant management, for platform administrators only. */
@ApplicationScoped
@PlatformAdminOnly
@Path("/tenants")
@Tag(name = "Tenants")
@Produces(MediaType.APPLICATION_JSON)
public class TenantResource {
  private static final String ID_DOC = "The tenant's id (UUID) or slug";

  @Inject TenantService tenants;
  @Inject RequestBodies bodies;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "createTenant",
      summary = "Create a tenant",
      description =
          "Registers the tenant as PROVISIONING and provisions it in the background (schema,"
              + " migrations, defaults). Answers 202 at once with Location; follow"
              + " /tenants/{id}/provisioning for progress. The tenant ends ACTIVE, or FAILED with"
              + " nothing of it left behind.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CreateTenantRequest.class),
              examples =
                  @ExampleObject(
                      name = "acme",
                      value =
                          "{\"slug\":\"acme\",\"name\":\"Acme Corporation\","
                              + "\"adminEmail\":\"ada@acme.example\",\"settings\":{\"locale\":\"en\"}}")))
  @APIResponse(
      responseCode = "202",
      description = "Accepted; provisioning runs",
      content = @Content(schema = @Schema(implementation = TenantView.class)))
  @APIResponse(
      responseCode = "400",
      description = "Invalid slug, name or settings",
      content =
          @Content(
              mediaType = ProblemDocument.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "bad slug",
                      value =
                          "{\"type\":\"https://plexica.io/problems/validation-failed\",\"title\":\"The request is not valid\",\"status\":400,\"detail\":\"slug: must be 3 to 63 characters ...\",\"errors\":[{\"field\":\"slug\",\"message\":\"must be 3 to 63 characters ...\"}]}")))
  @APIResponse(responseCode = "409", description = "Slug taken")
  public Response create(CreateTenantRequest body, @Context UriInfo uri) {
    NewTenant created = bodies.value(body, "a JSON object with slug and name is required");
    Tenant tenant =
        tenants.create(
            created.slug(),
            created.name(),
            created.adminEmail(),
            created.settings(),
            created.identityHome(),
            created.databaseCluster());
    return Response.accepted(TenantView.of(tenant)).location(locationOf(uri, tenant)).build();
  }

  @GET
  @Operation(
      operationId = "listTenants",
      summary = "List tenants",
      description = "Search, filter by status, sort and page.")
  @APIResponse(responseCode = "200")
  @APIResponse(
      responseCode = "400",
      description =
          "An unknown status or sort field, a search text over 200 characters, or a page out of range")
  public TenantPageView list(
      @Parameter(description = "Text found in the slug or the name, any case") @QueryParam("q")
          String text,
      @Parameter(description = "PROVISIONING, ACTIVE, SUSPENDED, FAILED or DELETED")
          @QueryParam("status")
          String status,
      @BeanParam PageParameters paging,
      @Parameter(
              description =
                  "slug, name, status, createdAt or updatedAt; prefix with - for descending",
              example = "-createdAt")
          @QueryParam("sort")
          String sort) {
    return TenantPageView.of(
        tenants.search(TenantQuery.parse(text, status, paging.page(), paging.size(), sort)));
  }

  @GET
  @Path("{id}")
  @Operation(operationId = "getTenant", summary = "Get a tenant")
  @APIResponse(responseCode = "200")
  @APIResponse(responseCode = "404", description = "No such tenant")
  public TenantView get(
      @Parameter(description = ID_DOC, in = ParameterIn.PATH) @PathParam("id") String id) {
    return TenantView.of(tenants.get(id));
  }

  @GET
  @Path("{id}/provisioning")
  @Operation(
      operationId = "getTenantProvisioning",
      summary = "Provisioning progress",
      description = "The steps of the latest attempt with their timings, for a progress bar.")
  @APIResponse(responseCode = "200")
  public ProvisioningView provisioning(
      @Parameter(description = ID_DOC) @PathParam("id") String id) {
    return ProvisioningView.of(tenants.provisioning(id));
  }

  @PATCH
  @Path("{id}")
  @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
  @Operation(
      operationId = "updateTenant",
      summary = "Change a tenant's name, settings or quotas",
      description =
          "A JSON merge patch (RFC 7396): settings and quotas are merged, null removes one."
              + " Quotas: maxUsers, maxWorkspaces, maxStorageBytes, maxPlugins (none: no limit);"
              + " a lower quota takes nothing away, it refuses what would add more (409"
              + " quota-exceeded).")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MergePatch.MEDIA_TYPE,
              schema = @Schema(implementation = TenantChanges.class),
              examples =
                  @ExampleObject(
                      name = "rename",
                      value =
                          "{\"name\":\"Acme Inc.\",\"settings\":{\"locale\":\"fr\"},"
                              + "\"quotas\":{\"maxUsers\":50}}")))
  @APIResponse(responseCode = "200")
  public TenantView update(
      @Parameter(description = ID_DOC) @PathParam("id") String id, JsonObject patch) {
    TenantPatch change = TenantPatch.byPlatform(patch);
    return TenantView.of(tenants.update(id, change.name(), change.settings(), change.quotas()));
  }

  @POST
  @Path("{id}/suspend")
  @Operation(
      operationId = "suspendTenant",
      summary = "Suspend an active tenant",
      description = "Its users are refused until it is activated again.")
  @APIResponse(responseCode = "200")
  @APIResponse(responseCode = "409", description = "Not ACTIVE")
  public TenantView suspend(@Parameter(description = ID_DOC) @PathParam("id") String id) {
    return TenantView.of(tenants.suspend(id));
  }

  @POST
  @Path("{id}/activate")
  @Operation(operationId = "activateTenant", summary = "Activate a suspended tenant")
  @APIResponse(responseCode = "200")
  @APIResponse(responseCode = "409", description = "Not SUSPENDED")
  public TenantView activate(@Parameter(description = ID_DOC) @PathParam("id") String id) {
    return TenantView.of(tenants.activate(id));
  }

  @POST
  @Path("{id}/retry")
  @Operation(operationId = "retryTenantProvisioning", summary = "Provision a FAILED tenant again")
  @APIResponse(
      responseCode = "202",
      description = "Accepted; provisioning runs",
      content = @Content(schema = @Schema(implementation = TenantView.class)))
  @APIResponse(responseCode = "409", description = "Not FAILED")
  public Response retry(
      @Parameter(description = ID_DOC) @PathParam("id") String id, @Context UriInfo uri) {
    Tenant tenant = tenants.retry(id);
    return Response.accepted(TenantView.of(tenant)).location(locationOf(uri, tenant)).build();
  }

  @DELETE
  @Path("{id}")
  @Operation(
      operationId = "deleteTenant",
      summary = "Delete a tenant",
      description =
          "Marks it DELETED. With purge=true also drops its schema and frees its slug; a DELETED"
              + " tenant can be purged later the same way.")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "409", description = "Still provisioning")
  public Response delete(
      @Parameter(description = ID_DOC) @PathParam("id") String id,
      @Parameter(description = "Also drop the tenant's data")
          @QueryParam("purge")
          @DefaultValue("false")
          String purge) {
    if (!"true".equals(purge) && !"false".equals(purge)) {
      throw ProblemException.invalid("purge", "must be true or false");
    }
    tenants.delete(id, Boolean.parseBoolean(purge));
    return Response.noContent().build();
  }

  private static URI locationOf(UriInfo uri, Tenant tenant) {
    return uri.getBaseUriBuilder().path("tenants").path(tenant.id().toString()).build();
  }
}
