package io.plexica.sdk.route;

import jakarta.json.JsonValue;
import java.util.Optional;

/**
 * What a route answers: a status and, except for 204, a JSON body.
 *
 * @param status an HTTP status from 200 to 399
 * @param body the JSON body
 * @param location for 201, the path of what was created, below the plugin's base path
 */
public record RouteResponse(int status, Optional<JsonValue> body, Optional<String> location) {

  public RouteResponse {
    if (status < 200 || status > 399) {
      throw new IllegalArgumentException(
          "Routes answer 2xx or 3xx; throw PluginProblem for an error (status " + status + ")");
    }
  }

  public static RouteResponse ok(JsonValue body) {
    return new RouteResponse(200, Optional.of(body), Optional.empty());
  }

  public static RouteResponse created(String location, JsonValue body) {
    return new RouteResponse(201, Optional.of(body), Optional.of(location));
  }

  public static RouteResponse noContent() {
    return new RouteResponse(204, Optional.empty(), Optional.empty());
  }
}
