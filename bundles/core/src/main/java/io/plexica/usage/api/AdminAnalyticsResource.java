package io.plexica.usage.api;

import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.security.PlatformAdminOnly;
import io.plexica.storage.app.TenantStorage;
import io.plexica.tenancy.app.TenantService;
import io.plexica.tenancy.domain.Tenant;
import io.plexica.usage.domain.ApiHour;
import io.plexica.usage.domain.PlatformFigures;
import io.plexica.usage.domain.PlatformFigures.PluginInstalls;
import io.plexica.usage.domain.PlatformFigures.TenantDay;
import io.plexica.usage.domain.PlatformFigures.TenantUsage;
import io.plexica.usage.domain.UsageStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The platform at a glance for its administrators: tenants, API traffic, plugin installs. */
@ApplicationScoped
@PlatformAdminOnly
@Path("/admin/analytics")
@Tag(name = "Platform analytics")
@Produces(MediaType.APPLICATION_JSON)
public class AdminAnalyticsResource {
  @Inject PlatformFigures figures;
  @Inject UsageStore usage;
  @Inject Clock clock;
  @Inject TenantService tenants;
  @Inject TenantStorage storage;

  @Schema(name = "ApiHour")
  public record ApiHourView(
      Instant hour,
      long calls,
      long clientErrors,
      long serverErrors,
      @Schema(description = "5xx answers per call") double errorRate,
      @Schema(
              nullable = true,
              description =
                  "95th percentile of durations, ms (bucket upper bound); null without calls")
          Long p95Ms) {}

  @Schema(name = "PlatformAnalytics")
  public record AnalyticsView(
      Map<String, Long> tenantsByStatus,
      List<TenantDay> tenantGrowth,
      List<ApiHourView> apiHours,
      List<PluginInstalls> pluginInstalls) {}

  @GET
  @Operation(
      operationId = "adminGetAnalytics",
      summary = "Tenant growth, API traffic per hour and plugin installs",
      description =
          "API calls are counted by every replica and added up in Redis; an hour's figures can lag"
              + " by a few seconds.")
  @APIResponse(responseCode = "200")
  @APIResponse(responseCode = "400", description = "days or hours out of range")
  public AnalyticsView analytics(
      @Parameter(
              description = "Days of tenant growth",
              schema =
                  @Schema(
                      type = SchemaType.INTEGER,
                      format = "int32",
                      minimum = "1",
                      maximum = "90",
                      defaultValue = "30"))
          @QueryParam("days")
          String days,
      @Parameter(
              description = "Hours of API traffic",
              schema =
                  @Schema(
                      type = SchemaType.INTEGER,
                      format = "int32",
                      minimum = "1",
                      maximum = "192",
                      defaultValue = "24"))
          @QueryParam("hours")
          String hours) {
    int growthDays = bounded("days", days, 30, 90);
    int trafficHours = bounded("hours", hours, 24, 192);
    Instant now = clock.instant();
    return new AnalyticsView(
        figures.tenantsByStatus(),
        figures.tenantGrowth(now.minus(Duration.ofDays(growthDays - 1L))),
        usage.hours(now.minus(Duration.ofHours(trafficHours - 1L)), now).stream()
            .map(AdminAnalyticsResource::view)
            .toList(),
        figures.pluginInstalls());
  }

  @Schema(name = "TenantUsageReport")
  public record TenantUsageView(
      UUID tenantId,
      @Schema(description = "Its object storage bucket") String bucket,
      @Schema(nullable = true, description = "Absent once the tenant's schema is gone (purged)")
          TenantUsage usage) {}

  @GET
  @Path("tenants/{id}")
  @Operation(
      operationId = "adminGetTenantUsage",
      summary = "What a tenant holds: users, workspaces, files, plugins, and its bucket")
  @APIResponse(responseCode = "200")
  @APIResponse(responseCode = "404", description = "No such tenant")
  public TenantUsageView tenantUsage(
      @Parameter(description = "The tenant's id or slug") @PathParam("id") String id) {
    Tenant tenant = tenants.get(id);
    return new TenantUsageView(
        tenant.id(),
        storage.bucketOf(tenant.id()),
        figures.tenantUsage(tenant.id(), tenant.database()).orElse(null));
  }

  private static ApiHourView view(ApiHour h) {
    return new ApiHourView(
        h.hour(), h.calls(), h.clientErrors(), h.serverErrors(), h.errorRate(), h.p95Ms());
  }

  private static int bounded(String name, String value, int fallback, int max) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value.strip());
      if (parsed >= 1 && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw ProblemException.invalid(name, "must be a whole number from 1 to " + max);
  }
}
