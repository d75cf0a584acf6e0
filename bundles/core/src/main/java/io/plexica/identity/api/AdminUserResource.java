package io.plexica.identity.api;

import io.plexica.audit.domain.AuditEntry;
import io.plexica.identity.api.UserViews.PlatformUserPageView;
import io.plexica.identity.api.UserViews.UserView;
import io.plexica.identity.app.PlatformUserDirectory;
import io.plexica.identity.app.UserService;
import io.plexica.identity.domain.UserQuery;
import io.plexica.shared.security.PlatformAdminOnly;
import io.plexica.shared.web.PageParameters;
import io.plexica.tenancy.app.TenantService;
import io.plexica.tenancy.domain.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Users across every tenant, for the super-admin console. */
@ApplicationScoped
@PlatformAdminOnly
@Path("/admin/users")
@Tag(name = "Platform administration")
@Produces(MediaType.APPLICATION_JSON)
public class AdminUserResource {
  @Inject PlatformUserDirectory directory;
  @Inject UserService users;
  @Inject TenantService tenants;
  @Inject CurrentIdentity identity;

  private static final String TENANT_DOC = "The tenant's id or slug";

  @GET
  @Operation(
      operationId = "adminSearchUsers",
      summary = "Search users of all tenants",
      description = "Users of active and suspended tenants, ordered by tenant and username.")
  @APIResponse(responseCode = "200")
  @APIResponse(
      responseCode = "400",
      description =
          "An unknown status, a malformed role name, a search text over 200 characters, or a page out of range")
  public PlatformUserPageView search(
      @Parameter(description = "Text in the username, e-mail or name, any case") @QueryParam("q")
          String text,
      @Parameter(description = "Only tenants with this id, or this text in their slug or name")
          @QueryParam("tenant")
          String tenant,
      @Parameter(description = "Only users holding this role") @QueryParam("role") String role,
      @Parameter(description = "INVITED, ACTIVE or DISABLED") @QueryParam("status") String status,
      @BeanParam PageParameters paging) {
    return PlatformUserPageView.of(
        directory.search(
            UserQuery.parse(text, status, role, tenant, paging.page(), paging.size())));
  }

  @POST
  @Path("{tenant}/{id}/disable")
  @Operation(
      operationId = "adminDisableUser",
      summary = "Disable a tenant's user",
      description =
          "The user can no longer log in and its sessions end. The tenant keeps one enabled"
              + " administrator (409 otherwise).")
  @APIResponse(responseCode = "200")
  @APIResponse(responseCode = "404", description = "No such tenant or user")
  @APIResponse(responseCode = "409", description = "The tenant's last enabled administrator")
  public UserView disable(
      @Parameter(description = TENANT_DOC) @PathParam("tenant") String tenant,
      @PathParam("id") String id) {
    return UserView.of(
        users.setEnabledByPlatform(ref(tenant), UserResource.userId(id), false, admin()));
  }

  @POST
  @Path("{tenant}/{id}/enable")
  @Operation(operationId = "adminEnableUser", summary = "Enable a tenant's disabled user")
  @APIResponse(responseCode = "200")
  @APIResponse(responseCode = "404", description = "No such tenant or user")
  public UserView enable(
      @Parameter(description = TENANT_DOC) @PathParam("tenant") String tenant,
      @PathParam("id") String id) {
    return UserView.of(
        users.setEnabledByPlatform(ref(tenant), UserResource.userId(id), true, admin()));
  }

  @POST
  @Path("{tenant}/{id}/password-mail")
  @Operation(
      operationId = "adminMailPasswordLink",
      summary = "Mail a tenant's user the link to set a password",
      description = "A lost password, or an invitation whose first link expired (valid 7 days).")
  @APIResponse(
      responseCode = "200",
      description = "Mailed",
      content = @Content(schema = @Schema(implementation = UserView.class)))
  @APIResponse(responseCode = "404", description = "No such tenant or user")
  @APIResponse(responseCode = "503", description = "No mail server, or it refused")
  public UserView mailPasswordLink(
      @Parameter(description = TENANT_DOC) @PathParam("tenant") String tenant,
      @PathParam("id") String id) {
    return UserView.of(users.mailPasswordLink(ref(tenant), UserResource.userId(id), admin()));
  }

  private AuditEntry.Actor admin() {
    return AuditEntry.Actor.platformAdmin(identity.require().username());
  }

  private TenantRef ref(String tenant) {
    return TenantRef.of(tenants.get(tenant));
  }
}
