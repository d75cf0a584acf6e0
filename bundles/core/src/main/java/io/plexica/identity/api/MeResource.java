package io.plexica.identity.api;

import io.plexica.identity.app.PermissionEngine;
import io.plexica.identity.app.Realms;
import io.plexica.identity.domain.Access;
import io.plexica.identity.domain.VerifiedToken;
import io.plexica.tenancy.app.TenantService;
import io.plexica.tenancy.domain.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who the caller is, according to its token. */
@ApplicationScoped
@Path("/me")
@Tag(name = "Identity")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {
  @Inject CurrentIdentity identity;
  @Inject TenantService tenants;
  @Inject PermissionEngine engine;

  @Schema(name = "TenantOfCaller")
  public record TenantSummary(UUID id, String slug) {}

  @Schema(name = "Me")
  public record MeView(
      String subject,
      String username,
      @Schema(nullable = true, description = "Absent for service accounts") String email,
      String name,
      @Schema(description = "plexica-platform for platform administrators, else the tenant's slug")
          String realm,
      boolean platformAdmin,
      @Schema(description = "A program with a service account's token, not a person")
          boolean serviceAccount,
      @Schema(description = "Platform roles for administrators; the tenant's roles otherwise")
          Set<String> roles,
      @Schema(description = "resource:action permissions the roles grant in the caller's tenant")
          Set<String> permissions,
      @Schema(
              nullable = true,
              description = "The caller's tenant; absent for platform administrators")
          TenantSummary tenant) {}

  @GET
  @Operation(operationId = "getMe", summary = "The caller's profile, tenant and roles")
  @APIResponse(responseCode = "200")
  @APIResponse(responseCode = "401", description = "No valid token, or the tenant is not active")
  public MeView me() {
    VerifiedToken token = identity.require();
    boolean platform = token.realm().equals(Realms.PLATFORM_REALM);
    TenantSummary tenant = null;
    Set<String> roles = token.roles();
    Set<String> permissions = Set.of();
    if (!platform) {
      TenantRef ref = TenantContextFilter.tenantOf(token, tenants);
      tenant = new TenantSummary(ref.id(), ref.slug());
      Access access = TenantContextFilter.accessOf(ref, token, engine);
      roles = new TreeSet<>(access.roles());
      permissions = new TreeSet<>(access.permissions());
    }
    return new MeView(
        token.subject(),
        token.username(),
        token.email(),
        token.name(),
        token.realm(),
        token.isPlatformAdmin(Realms.PLATFORM_REALM),
        token.isServiceAccount(),
        roles,
        permissions,
        tenant);
  }
}
