package com.example.hello;

import io.plexica.sdk.route.Route;
import io.plexica.sdk.route.RouteHandler;
import io.plexica.sdk.route.RouteRequest;
import io.plexica.sdk.route.RouteResponse;
import jakarta.json.Json;
import org.apache.commons.lang3.StringUtils;
import org.osgi.service.component.annotations.Component;

/** {@code GET /greeting}: the tenant's greeting, from its configuration, to its capitalised slug. */
@Component(service = RouteHandler.class)
@Route(method = "GET", path = "/greeting", permission = "vendor-hello:greeting:read")
public class Greeting implements RouteHandler {
  @Override
  public RouteResponse handle(RouteRequest request) {
    String greeting = request.context().config().getString("greeting", "Hello");
    return RouteResponse.ok(
        Json.createObjectBuilder()
            .add("message", greeting + ", " + StringUtils.capitalize(request.context().tenantSlug()) + "!")
            .build());
  }
}
