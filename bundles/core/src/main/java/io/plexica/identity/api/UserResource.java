package io.plexica.identity.api;

import io.plexica.audit.domain.AuditEntry;
import io.plexica.identity.api.UserViews.InviteRequest;
import io.plexica.identity.api.UserViews.RolesRequest;
import io.plexica.identity.api.UserViews.SyncView;
import io.plexica.identity.api.UserViews.UserPageView;
import io.plexica.identity.api.UserViews.UserView;
import io.plexica.identity.app.UserService;
import io.plexica.identity.app.UserService.Invitation;
import io.plexica.identity.domain.IdentityProblems;
import io.plexica.identity.domain.TenantUser;
import io.plexica.identity.domain.UserQuery;
import io.plexica.shared.security.RequiresPermission;
import io.plexica.shared.web.PageParameters;
import io.plexica.shared.web.RequestBodies;
import io.plexica.tenancy.context.CurrentTenant;
import io.plexica.tenancy.context.TenantScoped;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
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

/** The users of the caller's tenant. */
@ApplicationScoped
@Path("/users")
@Tag(name = "Users")
@TenantScoped
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

  @Inject UserService users;
  @Inject CurrentTenant tenant;
  @Inject CurrentIdentity identity;
  @Inject RequestBodies bodies;

  @GET
  @RequiresPermission("users:read")
  @Operation(
      operationId = "listUsers",
      summary = "List users",
      description = "Search by username, e-mail or name; page.")
  @APIResponse(responseCode = "200")
  @APIResponse(
      responseCode = "400",
      description =
          "An unknown status, a malformed role name, a search text over 200 characters, or a page out of range")
  public UserPageView list(
      @Parameter(description = "Text in the username, e-mail or name, any case") @QueryParam("q")
          String text,
      @Parameter(description = "INVITED, ACTIVE or DISABLED") @QueryParam("status") String status,
      @Parameter(description = "Only users holding this role") @QueryParam("role") String role,
      @BeanParam PageParameters paging) {
    return UserPageView.of(
        users.search(
            tenant.require(), UserQuery.parse(text, status, role, paging.page(), paging.size())));
  }

  @GET
  @Path("{id}")
  @RequiresPermission("users:read")
  @Operation(operationId = "getUser", summary = "Get a user")
  @APIResponse(responseCode = "200")
  @APIResponse(responseCode = "404", description = "Not a user of this tenant")
  public UserView get(@PathParam("id") String id) {
    return UserView.of(users.get(tenant.require(), userId(id)));
  }

  @POST
  @RequiresPermission("users:invite")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "inviteUser",
      summary = "Invite a user",
      description =
          "Creates the user in the tenant's realm with the given roles. The user sets a password"
              + " and verifies the address through Keycloak's required actions, or logs in with"
              + " the temporary password and must change it. Only roles whose permissions the"
              + " caller holds can be given.")
  @RequestBody(
      content =
          @Content(
              schema = @Schema(implementation = InviteRequest.class),
              examples =
                  @ExampleObject(
                      name = "grace",
                      value =
                          "{\"email\":\"grace@acme.example\",\"firstName\":\"Grace\","
                              + "\"lastName\":\"Hopper\",\"roles\":[\"user\"]}")))
  @APIResponse(
      responseCode = "201",
      description = "Invited",
      content = @Content(schema = @Schema(implementation = UserView.class)))
  @APIResponse(responseCode = "400", description = "Invalid e-mail, name, password or unknown role")
  @APIResponse(responseCode = "409", description = "The tenant already has a user with this e-mail")
  @APIResponse(
      responseCode = "503",
      description =
          "The mail server or Keycloak is unavailable (mail-unavailable, identity-unavailable):"
              + " nobody was made; try again")
  public Response invite(InviteRequest body, @Context UriInfo uri) {
    Invitation invitation =
        bodies.value(body, "a JSON object with email, firstName, lastName is required");
    TenantUser invited = users.invite(tenant.require(), invitation, identity.access(), actor());
    return Response.created(uri.getAbsolutePathBuilder().path(invited.id().toString()).build())
        .entity(UserView.of(invited))
        .build();
  }

  @PUT
  @Path("{id}/roles")
  @RequiresPermission("users:manage")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "setUserRoles",
      summary = "Replace a user's roles",
      description =
          "Takes effect on the user's next request. The caller must hold every permission of"
              + " each role given or withdrawn; the last enabled admin keeps admin.")
  @APIResponse(responseCode = "200")
  @APIResponse(
      responseCode = "409",
      description = "Would leave the tenant without an enabled admin")
  public UserView setRoles(@PathParam("id") String id, RolesRequest body) {
    UUID userId = userId(id);
    Set<String> roles =
        bodies.value(body, "a JSON object with roles: a list of role names, maybe empty");
    return UserView.of(users.setRoles(tenant.require(), userId, roles, identity.access(), actor()));
  }

  @POST
  @Path("{id}/disable")
  @RequiresPermission("users:manage")
  @Operation(
      operationId = "disableUser",
      summary = "Disable a user",
      description =
          "The user can no longer log in, its sessions end, and its tokens are refused from the"
              + " next request on. Not for your own account or the last enabled admin.")
  @APIResponse(responseCode = "200")
  @APIResponse(responseCode = "409", description = "Your own account, or the last enabled admin")
  public UserView disable(@PathParam("id") String id) {
    return UserView.of(
        users.setEnabled(tenant.require(), userId(id), false, identity.access(), actor()));
  }

  @POST
  @Path("{id}/password-mail")
  @RequiresPermission("users:manage")
  @Operation(
      operationId = "mailPasswordLink",
      summary = "Mail a user the link to set a password",
      description =
          "Keycloak mails the link (valid 7 days): for a lost password, or an invitation whose first"
              + " link expired.")
  @APIResponse(
      responseCode = "200",
      description = "Mailed",
      content = @Content(schema = @Schema(implementation = UserView.class)))
  @APIResponse(responseCode = "503", description = "No mail server, or it refused")
  public UserView mailPasswordLink(@PathParam("id") String id) {
    return UserView.of(users.mailPasswordLink(tenant.require(), userId(id), actor()));
  }

  @POST
  @Path("{id}/enable")
  @RequiresPermission("users:manage")
  @Operation(operationId = "enableUser", summary = "Enable a disabled user")
  @APIResponse(responseCode = "200")
  public UserView enable(@PathParam("id") String id) {
    return UserView.of(
        users.setEnabled(tenant.require(), userId(id), true, identity.access(), actor()));
  }

  @POST
  @Path("sync")
  @RequiresPermission("users:manage")
  @Operation(
      operationId = "syncUsers",
      summary = "Sync users from Keycloak",
      description =
          "Mirrors every user of the tenant's realm: adds new ones, updates names, e-mail, roles"
              + " and enabled state, removes users deleted in Keycloak.")
  @APIResponse(
      responseCode = "200",
      description = "What changed",
      content = @Content(schema = @Schema(implementation = SyncView.class)))
  public SyncView sync() {
    return SyncView.of(users.sync(tenant.require()));
  }

  static UUID userId(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw IdentityProblems.userNotFound(id);
    }
  }

  private AuditEntry.Actor actor() {
    return new AuditEntry.Actor(identity.access().userId(), identity.require().username());
  }
}
