package io.plexica.identity.api;

import io.plexica.identity.app.PermissionCatalog;
import io.plexica.identity.domain.PermissionInfo;
import io.plexica.shared.security.RequiresPermission;
import io.plexica.tenancy.context.TenantScoped;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Every permission a role can grant: the platform's and those of installed plugins. */
@ApplicationScoped
@Path("/permissions")
@Tag(name = "Roles and permissions")
@TenantScoped
@Produces(MediaType.APPLICATION_JSON)
public class PermissionResource {
  @Inject PermissionCatalog catalog;

  @GET
  @RequiresPermission("roles:read")
  @Operation(operationId = "listPermissions", summary = "List the permissions roles can grant")
  @APIResponse(responseCode = "200")
  public List<PermissionInfo> list() {
    return catalog.all();
  }
}
