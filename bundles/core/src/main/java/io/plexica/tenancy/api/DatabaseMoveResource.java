package io.plexica.tenancy.api;

import io.plexica.shared.placement.SchemaAddress;
import io.plexica.shared.problem.Validation;
import io.plexica.shared.security.PlatformAdminOnly;
import io.plexica.shared.web.CheckedBody;
import io.plexica.shared.web.RequestBodies;
import io.plexica.tenancy.app.DatabaseMoves;
import io.plexica.tenancy.app.TenantService;
import io.plexica.tenancy.domain.DatabaseMove;
import io.plexica.tenancy.domain.Tenant;
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

/** Moving a tenant's data to another PostgreSQL cluster, for platform administrators. */
@ApplicationScoped
@PlatformAdminOnly
@Path("/tenants/{id}/database-moves")
@Tag(name = "Tenants")
@Produces(MediaType.APPLICATION_JSON)
public class DatabaseMoveResource {
  private static final String ID_DOC = "The tenant's id (UUID) or slug";

  @Inject TenantService tenants;
  @Inject DatabaseMoves moves;
  @Inject RequestBodies bodies;

  @Schema(name = "MoveTenantDatabase", description = "Where to move the tenant's data")
  public record MoveRequest(
      @Schema(
              required = true,
              maxLength = 30,
              example = "local-2",
              description = "A configured PostgreSQL cluster other than the tenant's current one")
          String databaseCluster)
      implements CheckedBody<String> {
    @Override
    public String value(Validation validation) {
      if (databaseCluster == null || !SchemaAddress.isClusterId(databaseCluster)) {
        validation.reject(
            "databaseCluster",
            "must be a cluster id: lower-case letters, digits and dashes, 30 at most");
      }
      return databaseCluster;
    }
  }

  @Schema(name = "DatabaseMove", description = "A move of a tenant's schema between clusters")
  public record MoveView(
      UUID id,
      UUID tenantId,
      String sourceCluster,
      String targetCluster,
      @Schema(
              description =
                  "RUNNING, then DONE (the tenant's data is on the target) or ROLLED_BACK (it"
                      + " stayed on the source, nothing of it left on the target)",
              enumeration = {"RUNNING", "DONE", "ROLLED_BACK"})
          String state,
      @Schema(
              description =
                  "The step a RUNNING move is at; writes to the tenant wait during COPY, reads go"
                      + " on",
              enumeration = {"PREPARE_TARGET", "COPY", "SWITCH", "ROLL_BACK", "END"})
          String step,
      @Schema(description = "Tables copied, so far while the move is at COPY") int tablesCopied,
      @Schema(description = "Rows copied, so far while the move is at COPY") long rowsCopied,
      @Schema(nullable = true, description = "Why a move was rolled back") String error,
      Instant startedAt,
      @Schema(nullable = true) Instant endedAt) {
    static MoveView of(DatabaseMove move) {
      return new MoveView(
          move.id(),
          move.tenantId(),
          move.sourceCluster(),
          move.targetCluster(),
          move.state().name(),
          move.step().name(),
          move.tablesCopied(),
          move.rowsCopied(),
          move.error(),
          move.startedAt(),
          move.endedAt());
    }
  }

  @Schema(name = "DatabaseMoveList")
  public record MoveList(List<MoveView> items) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "moveTenantDatabase",
      summary = "Move a tenant's data to another PostgreSQL cluster",
      description =
          "Runs in the background: the tenant's schema is made and migrated on the target (with"
              + " its plugins' tables), its rows are copied while writes to it wait (reads go on),"
              + " the source is dropped and the tenant's placement names the target. A failure"
              + " before the copy ends leaves the tenant where it was, with nothing on the target."
              + " Follow GET on this path for progress.")
  @APIResponse(
      responseCode = "202",
      description = "Accepted; the move runs",
      content = @Content(schema = @Schema(implementation = MoveView.class)))
  @APIResponse(responseCode = "400", description = "Not a configured cluster")
  @APIResponse(
      responseCode = "409",
      description = "Already there, not ACTIVE or SUSPENDED, or a move is running")
  public Response move(
      @Parameter(description = ID_DOC) @PathParam("id") String id, MoveRequest body) {
    String target = bodies.value(body, "a JSON object with databaseCluster is required");
    Tenant tenant = tenants.get(id);
    return Response.accepted(MoveView.of(moves.start(tenant, target))).build();
  }

  @GET
  @Operation(
      operationId = "listTenantDatabaseMoves",
      summary = "The tenant's database moves, the newest first")
  @APIResponse(responseCode = "200")
  @APIResponse(responseCode = "404", description = "No such tenant")
  public MoveList list(@Parameter(description = ID_DOC) @PathParam("id") String id) {
    return new MoveList(moves.of(tenants.get(id)).stream().map(MoveView::of).toList());
  }
}
