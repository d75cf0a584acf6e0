package com.example.quotes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.PackageVersion;
import io.plexica.sdk.route.Route;
import io.plexica.sdk.route.RouteHandler;
import io.plexica.sdk.route.RouteRequest;
import io.plexica.sdk.route.RouteResponse;
import jakarta.json.Json;
import java.io.StringReader;
import java.util.Map;
import org.apache.commons.lang3.StringUtils;
import org.osgi.service.component.annotations.Component;

/** {@code GET /quote}: written by Jackson, with the tenant's slug capitalised by commons-lang3. */
@Component(service = RouteHandler.class)
@Route(method = "GET", path = "/quote", permission = "vendor-quotes:quote:read")
public class Quote implements RouteHandler {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public RouteResponse handle(RouteRequest request) {
    Map<String, String> quote =
        Map.of(
            "quote", StringUtils.capitalize(request.context().tenantSlug()) + " ships on Fridays.",
            "jackson", PackageVersion.VERSION.toString());
    try {
      return RouteResponse.ok(
          Json.createReader(new StringReader(JSON.writeValueAsString(quote))).readObject());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
