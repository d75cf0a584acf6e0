package io.plexica.health.api;

import io.plexica.health.DetailedCheck;
import io.plexica.shared.security.PlatformAdminOnly;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The readiness checks with their details, for platform administrators (operators). */
@ApplicationScoped
@PlatformAdminOnly
@Path("/admin/health")
@Tag(name = "Platform health")
@Produces(MediaType.APPLICATION_JSON)
public class AdminHealthResource {
  @Inject @Any Instance<DetailedCheck> checks;

  @Schema(name = "HealthCheckDetail")
  public record CheckView(
      String name,
      @Schema(enumeration = {"UP", "DOWN"}) String status,
      @Schema(description = "What the check saw: counts, states, the last error")
          Map<String, Object> data) {}

  @Schema(name = "HealthDetails")
  public record HealthView(
      @Schema(enumeration = {"UP", "DOWN"}) String status, List<CheckView> checks) {}

  @GET
  @Operation(
      operationId = "adminGetHealth",
      summary = "Readiness with every check's details (operators only)")
  @APIResponse(responseCode = "200")
  @APIResponse(responseCode = "403", description = "Not a platform administrator")
  public HealthView health() {
    List<CheckView> views = new ArrayList<>();
    boolean up = true;
    for (DetailedCheck check : checks) {
      HealthCheckResponse response = check.detailed();
      up &= response.getStatus() == HealthCheckResponse.Status.UP;
      views.add(
          new CheckView(
              response.getName(),
              response.getStatus().name(),
              new TreeMap<>(response.getData().orElse(Map.of()))));
    }
    views.sort(java.util.Comparator.comparing(CheckView::name));
    return new HealthView(up ? "UP" : "DOWN", views);
  }
}
