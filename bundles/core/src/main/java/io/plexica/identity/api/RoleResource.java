package io.plexica.identity.api;

import io.plexica.identity.app.RoleService;
import io.plexica.identity.domain.CorePermissions;
import io.plexica.identity.domain.RoleName;
import io.plexica.identity.domain.TenantRole;
import io.plexica.shared.problem.FieldRules;
import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.problem.Validation;
import io.plexica.shared.security.RequiresPermission;
import io.plexica.shared.web.CheckedBody;
import io.plexica.shared.web.MergePatch;
import io.plexica.shared.web.RequestBodies;
import io.plexica.tenancy.context.CurrentTenant;
import io.plexica.tenancy.context.TenantScoped;
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
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The roles of the caller's tenant and the permissions they grant. */
@ApplicationScoped
@Path("/roles")
@Tag(name = "Roles and permissions")
@TenantScoped
@Produces(MediaType.APPLICATION_JSON)
public class RoleResource {
  @Inject RoleService roles;
  @Inject CurrentTenant tenant;
  @Inject CurrentIdentity identity;
  @Inject RequestBodies bodies;

  @Schema(name = "Role")
  public record RoleView(
      String name,
      @Schema(nullable = true) String description,
      @Schema(description = "admin, user and guest come with every tenant") boolean builtIn,
      Set<String> permissions,
      Instant createdAt,
      Instant updatedAt) {
    static RoleView of(TenantRole role) {
      return new RoleView(
          role.name(),
          role.description(),
          role.builtIn(),
          new TreeSet<>(role.permissions()),
          role.createdAt(),
          role.updatedAt());
    }
  }

  @Schema(
      name = "RoleChanges",
      description = "JSON merge patch (RFC 7396): only the members sent change")
  public record RoleChanges(
      @Schema(maxLength = TenantRole.MAX_DESCRIPTION) String description,
      @Schema(description = "Replaces the role's permissions") List<String> permissions) {
    private static final Set<String> PATCHABLE = Set.of("description", "permissions");

    /** What a merge patch changes; a null description clears it (an empty one). */
    static Wanted read(JsonObject body) {
      return MergePatch.read(
          body,
          PATCHABLE,
          patch ->
              new Wanted(
                  patch
                      .clearableText("description", RoleResource::description)
                      .map(text -> text.orElse("")),
                  patch
                      .strings("permissions", "permission names")
                      .map(names -> patch.check(() -> RoleResource.permissions(names)))));
    }

    record Wanted(Optional<String> description, Optional<Set<String>> permissions) {}
  }

  @Schema(name = "CreateRole")
  public record CreateRoleRequest(
      @Schema(required = true, example = "editor") String name,
      @Schema(maxLength = TenantRole.MAX_DESCRIPTION) String description,
      @Schema(example = "[\"workspaces:read\", \"workspaces:create\"]") List<String> permissions)
      implements CheckedBody<NewRole> {
    @Override
    public NewRole value(Validation validation) {
      return new NewRole(
          validation.check(() -> new RoleName(name)),
          validation.check(() -> RoleResource.description(description)),
          validation.check(
              () -> RoleResource.permissions(permissions == null ? List.of() : permissions)));
    }
  }

  /** A role to create, its parts valid. */
  record NewRole(RoleName name, String description, Set<String> permissions) {}

  @GET
  @RequiresPermission("roles:read")
  @Operation(operationId = "listRoles", summary = "List roles with their permissions")
  @APIResponse(responseCode = "200")
  public List<RoleView> list() {
    return roles.list(tenant.require()).stream().map(RoleView::of).toList();
  }

  @GET
  @Path("{name}")
  @RequiresPermission("roles:read")
  @Operation(operationId = "getRole", summary = "Get a role")
  @APIResponse(responseCode = "200")
  @APIResponse(responseCode = "404", description = "No such role")
  public RoleView get(@PathParam("name") String name) {
    return RoleView.of(roles.get(tenant.require(), name));
  }

  @POST
  @RequiresPermission("roles:manage")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "createRole",
      summary = "Create a custom role",
      description =
          "Also creates the realm role in Keycloak. Only permissions the caller holds can be"
              + " granted.")
  @RequestBody(
      content =
          @Content(
              examples =
                  @ExampleObject(
                      name = "editor",
                      value =
                          "{\"name\":\"editor\",\"description\":\"Edits content\","
                              + "\"permissions\":[\"workspaces:read\",\"workspaces:create\"]}")))
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = RoleView.class)))
  @APIResponse(responseCode = "400", description = "Invalid name or unknown permission")
  @APIResponse(responseCode = "409", description = "Name taken")
  public Response create(CreateRoleRequest body, @Context UriInfo uri) {
    NewRole role = bodies.value(body, "a JSON object with name and permissions is required");
    TenantRole created =
        roles.create(
            tenant.require(),
            role.name(),
            role.description(),
            role.permissions(),
            identity.access());
    return Response.created(uri.getAbsolutePathBuilder().path(created.name()).build())
        .entity(RoleView.of(created))
        .build();
  }

  @PATCH
  @Path("{name}")
  @RequiresPermission("roles:manage")
  @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
  @Operation(
      operationId = "updateRole",
      summary = "Change a role's description or permissions",
      description =
          "A JSON merge patch; permissions replace the role's list. Takes effect on the next"
              + " request of every user holding the role. admin cannot be changed.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MergePatch.MEDIA_TYPE,
              schema = @Schema(implementation = RoleChanges.class),
              examples =
                  @ExampleObject(
                      name = "read only",
                      value = "{\"permissions\":[\"workspaces:read\"]}")))
  @APIResponse(responseCode = "200")
  @APIResponse(responseCode = "409", description = "admin is fixed")
  public RoleView update(@PathParam("name") String name, JsonObject patch) {
    RoleChanges.Wanted wanted = RoleChanges.read(patch);
    return RoleView.of(
        roles.update(
            tenant.require(), name, wanted.description(), wanted.permissions(), identity.access()));
  }

  @DELETE
  @Path("{name}")
  @RequiresPermission("roles:manage")
  @Operation(
      operationId = "deleteRole",
      summary = "Delete a custom role",
      description = "Users holding it lose it (and its permissions) from their next request.")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "409", description = "Built-in roles cannot be deleted")
  public Response delete(@PathParam("name") String name) {
    roles.delete(tenant.require(), name, identity.access());
    return Response.noContent().build();
  }

  private static String description(String text) {
    return FieldRules.optionalText("description", text, TenantRole.MAX_DESCRIPTION);
  }

  private static Set<String> permissions(List<String> names) {
    Set<String> permissions = new TreeSet<>();
    for (String name : names) {
      if (name == null || !CorePermissions.FORMAT.matcher(name).matches()) {
        throw ProblemException.invalid(
            "permissions", "'" + name + "' is not a resource:action permission");
      }
      permissions.add(name);
    }
    return permissions;
  }
}
