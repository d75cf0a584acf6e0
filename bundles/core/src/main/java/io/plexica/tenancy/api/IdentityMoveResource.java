package io.plexica.tenancy.api;

import io.plexica.shared.problem.Validation;
import io.plexica.shared.security.PlatformAdminOnly;
import io.plexica.shared.web.CheckedBody;
import io.plexica.shared.web.RequestBodies;
import io.plexica.tenancy.app.IdentityMoves;
import io.plexica.tenancy.app.TenantService;
import io.plexica.tenancy.domain.IdentityHome;
import io.plexica.tenancy.domain.IdentityMove;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Moving a tenant's people between identity homes (a realm of its own, an organization in a shared
 * realm), for platform administrators.
 */
@ApplicationScoped
@PlatformAdminOnly
@Path("/tenants/{id}/identity-moves")
@Tag(name = "Tenants")
@Produces(MediaType.APPLICATION_JSON)
public class IdentityMoveResource {
  private static final String ID_DOC = "The tenant's id (UUID) or slug";

  @Inject TenantService tenants;
  @Inject IdentityMoves moves;
  @Inject RequestBodies bodies;

  @Schema(name = "MoveTenantIdentity", description = "Where to move the tenant's people")
  public record MoveRequest(
      @Schema(
              required = true,
              enumeration = {"REALM", "ORGANIZATION"},
              description =
                  "REALM: a realm of the tenant's own, named by its slug; ORGANIZATION: an"
                      + " organization in the first shared realm with room")
          String identityHome)
      implements CheckedBody<IdentityHome.Kind> {
    @Override
    public IdentityHome.Kind value(Validation validation) {
      for (IdentityHome.Kind kind : IdentityHome.Kind.values()) {
        if (kind.name().equals(identityHome)) {
          return kind;
        }
      }
      validation.reject("identityHome", "must be REALM or ORGANIZATION");
      return null;
    }
  }

  @Schema(name = "IdentityMove", description = "A move of a tenant's people between identity homes")
  public record MoveView(
      UUID id,
      UUID tenantId,
      @Schema(enumeration = {"REALM", "ORGANIZATION"}) String sourceHome,
      String sourceRealm,
      @Schema(enumeration = {"REALM", "ORGANIZATION"}) String targetHome,
      String targetRealm,
      @Schema(
              description =
                  "RUNNING, then DONE (the tenant's people sign in at the target) or ROLLED_BACK"
                      + " (they stayed where they were, nothing of the target left)",
              enumeration = {"RUNNING", "DONE", "ROLLED_BACK"})
          String state,
      @Schema(
              description = "The step a RUNNING move is at",
              enumeration = {
                "PREPARE_TARGET",
                "MOVE_PEOPLE",
                "SWITCH",
                "CLEAN_UP",
                "ROLL_BACK",
                "END"
              })
          String step,
      @Schema(description = "People moved, with their passwords and second factors") int people,
      @Schema(description = "Service accounts moved, with their client secrets")
          int serviceAccounts,
      @Schema(
              nullable = true,
              description = "Why a move was rolled back, or what a finished one left behind")
          String error,
      Instant startedAt,
      @Schema(nullable = true) Instant endedAt) {
    static MoveView of(IdentityMove move) {
      return new MoveView(
          move.id(),
          move.tenantId(),
          move.source().kind().name(),
          move.source().realm(),
          move.target().kind().name(),
          move.target().realm(),
          move.state().name(),
          move.step().name(),
          move.people(),
          move.serviceAccounts(),
          move.error(),
          move.startedAt(),
          move.endedAt());
    }
  }

  @Schema(name = "IdentityMoveList")
  public record MoveList(List<MoveView> items) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "moveTenantIdentity",
      summary = "Move a tenant's people to another identity home",
      description =
          "Runs in the background: the target is made (a realm of the tenant's own, or its"
              + " organization in a shared realm), every person and service account moves there"
              + " at once with the same id, password, second factor and client secret, the"
              + " tenant's placement names the target and the old home is removed. People sign in"
              + " again, at the target. What would stop the move (a person who also belongs to"
              + " another tenant of the shared realm, an address already used in the target"
              + " realm, a Keycloak without Plexica's extension) is refused at once, by name."
              + " Follow GET on this path for progress.")
  @APIResponse(
      responseCode = "202",
      description = "Accepted; the move runs",
      content = @Content(schema = @Schema(implementation = MoveView.class)))
  @APIResponse(responseCode = "400", description = "Not REALM or ORGANIZATION")
  @APIResponse(
      responseCode = "409",
      description =
          "Already there, not ACTIVE, a move is running, or something stops the people moving")
  public Response move(
      @Parameter(description = ID_DOC) @PathParam("id") String id, MoveRequest body) {
    IdentityHome.Kind target = bodies.value(body, "a JSON object with identityHome is required");
    return Response.accepted(MoveView.of(moves.start(tenants.get(id), target))).build();
  }

  @GET
  @Operation(
      operationId = "listTenantIdentityMoves",
      summary = "The tenant's identity moves, the newest first")
  @APIResponse(responseCode = "200")
  @APIResponse(responseCode = "404", description = "No such tenant")
  public MoveList list(@Parameter(description = ID_DOC) @PathParam("id") String id) {
    return new MoveList(moves.of(tenants.get(id)).stream().map(MoveView::of).toList());
  }
}
