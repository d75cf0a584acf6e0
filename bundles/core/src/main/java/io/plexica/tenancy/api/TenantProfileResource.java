package io.plexica.tenancy.api;

import io.plexica.shared.security.RequiresPermission;
import io.plexica.shared.web.MergePatch;
import io.plexica.tenancy.api.TenantViews.OwnTenantChanges;
import io.plexica.tenancy.api.TenantViews.TenantView;
import io.plexica.tenancy.app.TenantService;
import io.plexica.tenancy.context.CurrentTenant;
import io.plexica.tenancy.context.TenantScoped;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's own tenant: its profile and settings, for the tenant's administrators. */
@ApplicationScoped
@TenantScoped
@Path("/tenant")
@Tag(name = "Tenant settings")
@Produces(MediaType.APPLICATION_JSON)
public class TenantProfileResource {
  @Inject TenantService tenants;
  @Inject CurrentTenant tenant;

  @GET
  @RequiresPermission("tenant:read")
  @Operation(operationId = "getOwnTenant", summary = "The caller's tenant with its settings")
  @APIResponse(responseCode = "200")
  @APIResponse(responseCode = "403", description = "Without tenant:read")
  public TenantView get() {
    return TenantView.of(tenants.get(tenant.require().id().toString()));
  }

  @PATCH
  @RequiresPermission("tenant:manage")
  @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
  @Operation(
      operationId = "updateOwnTenant",
      summary = "Change the caller's tenant's name or settings",
      description = "A JSON merge patch (RFC 7396): settings are merged, null removes a setting.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MergePatch.MEDIA_TYPE,
              schema = @Schema(implementation = OwnTenantChanges.class)))
  @APIResponse(responseCode = "200")
  @APIResponse(responseCode = "400", description = "A field is not valid; errors names it")
  public TenantView update(JsonObject patch) {
    TenantPatch change = TenantPatch.byTenant(patch);
    return TenantView.of(
        tenants.update(
            tenant.require().id().toString(), change.name(), change.settings(), Optional.empty()));
  }
}
