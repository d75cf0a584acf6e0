package io.plexica.tenancy.api;

import io.plexica.shared.security.PlatformAdminOnly;
import io.plexica.tenancy.app.TenantService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The PostgreSQL clusters tenants can be placed on, for platform administrators. */
@ApplicationScoped
@PlatformAdminOnly
@Path("/admin/database-clusters")
@Tag(name = "Tenants")
@Produces(MediaType.APPLICATION_JSON)
public class DatabaseClusterResource {
  @Inject TenantService tenants;

  @Schema(name = "DatabaseCluster")
  public record DatabaseClusterView(
      @Schema(description = "The id a tenant's placement names", example = "main") String id,
      @Schema(description = "Whether new tenants go here when none is asked for") boolean isDefault,
      @Schema(description = "Tenants whose data lives here, purged ones left out") long tenants) {}

  @Schema(name = "DatabaseClusterList")
  public record DatabaseClusterList(List<DatabaseClusterView> items) {}

  @GET
  @Operation(
      operationId = "listDatabaseClusters",
      summary = "The PostgreSQL clusters tenant data can be placed on",
      description =
          "\"main\" holds the platform's own data; others come from PLEXICA_DB_CLUSTERS. A new"
              + " tenant names one in databaseCluster, else goes to the default.")
  @APIResponse(responseCode = "200")
  public DatabaseClusterList list() {
    return new DatabaseClusterList(
        tenants.databaseClusters().stream()
            .map(c -> new DatabaseClusterView(c.id(), c.isDefault(), c.tenants()))
            .toList());
  }
}
