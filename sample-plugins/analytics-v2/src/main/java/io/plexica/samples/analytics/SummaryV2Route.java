package io.plexica.samples.analytics;

import io.plexica.sdk.route.Route;
import io.plexica.sdk.route.RouteHandler;
import io.plexica.sdk.route.RouteRequest;
import io.plexica.sdk.route.RouteResponse;
import jakarta.json.spi.JsonProvider;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** 2.0.0's summary: the counts as before, and when the tenant's counts last changed. */
@Component(service = RouteHandler.class)
@Route(method = "GET", path = "/summary", permission = "analytics:summary:read")
public class SummaryV2Route implements RouteHandler {
  /** The static {@code Json} methods look the provider up again on every call; one is kept. */
  private static final JsonProvider JSON = JsonProvider.provider();

  @Reference Usage usage;

  @Override
  public RouteResponse handle(RouteRequest request) {
    var tenant = request.context();
    Object lastCounted =
        usage
            .data
            .query(tenant, "SELECT max(counted_at) AS last FROM ${counts}")
            .get(0)
            .get("last");
    return RouteResponse.ok(
        JSON.createObjectBuilder()
            .add("tenant", tenant.tenantSlug())
            .add("label", tenant.config().getString("label", ""))
            .add("usersCreated", usage.get(tenant, "users"))
            .add("workspacesCreated", usage.get(tenant, "workspaces"))
            .add("lastCountedAt", lastCounted == null ? "" : lastCounted.toString())
            .add("schema", 2)
            .build());
  }
}
