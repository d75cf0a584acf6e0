package io.plexica.workspaces.api;

import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.security.PlatformAdminOnly;
import io.plexica.tenancy.app.TenantService;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.workspaces.app.InvitationService;
import io.plexica.workspaces.domain.WorkspaceRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A tenant's unanswered workspace invitations, for the super-admin console. */
@ApplicationScoped
@PlatformAdminOnly
@Path("/admin/invitations")
@Tag(name = "Platform administration")
@Produces(MediaType.APPLICATION_JSON)
public class AdminInvitationResource {
  /** A console page shows this many; older ones are the tenant's to clean up. */
  static final int MAX = 200;

  @Inject InvitationService invitations;
  @Inject TenantService tenants;
  @Inject Clock clock;

  @Schema(name = "UnansweredInvitation")
  public record UnansweredView(
      UUID id,
      UUID workspaceId,
      String workspaceName,
      String email,
      WorkspaceRole role,
      @Schema(enumeration = {"PENDING", "EXPIRED"}) String status,
      Instant createdAt,
      Instant expiresAt) {}

  @GET
  @Operation(
      operationId = "adminListUnansweredInvitations",
      summary = "A tenant's unanswered workspace invitations",
      description =
          "Pending and expired invitations of every workspace of the tenant, newest first (at"
              + " most 200). The tenant's workspace administrators send them again or revoke"
              + " them.")
  @APIResponse(responseCode = "200")
  @APIResponse(responseCode = "400", description = "No tenant given")
  @APIResponse(responseCode = "404", description = "No such tenant")
  public List<UnansweredView> unanswered(
      @Parameter(description = "The tenant's id or slug", required = true) @QueryParam("tenant")
          String tenant) {
    if (tenant == null || tenant.isBlank()) {
      throw ProblemException.invalid("tenant", "is required: the tenant's id or slug");
    }
    Instant now = clock.instant();
    return invitations.unanswered(TenantRef.of(tenants.get(tenant)), MAX).stream()
        .map(
            u ->
                new UnansweredView(
                    u.invitation().id(),
                    u.invitation().workspaceId(),
                    u.workspaceName(),
                    u.invitation().email(),
                    u.invitation().role(),
                    u.invitation().statusAt(now).name(),
                    u.invitation().createdAt(),
                    u.invitation().expiresAt()))
        .toList();
  }
}
