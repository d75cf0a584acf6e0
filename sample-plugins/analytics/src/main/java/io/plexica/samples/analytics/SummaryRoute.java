package io.plexica.samples.analytics;

import io.plexica.sdk.route.Route;
import io.plexica.sdk.route.RouteHandler;
import io.plexica.sdk.route.RouteRequest;
import io.plexica.sdk.route.RouteResponse;
import jakarta.json.spi.JsonProvider;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code GET /api/v1/plugins/analytics/summary}: the tenant's usage as this plugin counted it. */
@Component(service = RouteHandler.class)
@Route(method = "GET", path = "/summary", permission = "analytics:summary:read")
public class SummaryRoute implements RouteHandler {
  /** The static {@code Json} methods look the provider up again on every call; one is kept. */
  private static final JsonProvider JSON = JsonProvider.provider();

  @Reference Usage usage;

  @Override
  public RouteResponse handle(RouteRequest request) {
    var tenant = request.context();
    return RouteResponse.ok(
        JSON.createObjectBuilder()
            .add("tenant", tenant.tenantSlug())
            .add("label", tenant.config().getString("label", ""))
            .add("usersCreated", usage.get(tenant, "users"))
            .add("workspacesCreated", usage.get(tenant, "workspaces"))
            .add("schema", 1)
            .build());
  }
}
