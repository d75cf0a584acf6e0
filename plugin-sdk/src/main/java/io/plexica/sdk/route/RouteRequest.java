package io.plexica.sdk.route;

import io.plexica.sdk.CallContext;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request to a route, as plain data.
 *
 * @param method the HTTP method
 * @param path the path below the plugin's base path, such as {@code /contacts/42}
 * @param pathParameters the values of the route's {@code {name}} segments
 * @param query the query parameters, each with every value given
 * @param body the JSON body, when the request has one
 * @param context who calls, in which tenant, with which permissions and configuration
 */
public record RouteRequest(
    String method,
    String path,
    Map<String, String> pathParameters,
    Map<String, List<String>> query,
    Optional<JsonValue> body,
    CallContext context) {

  public RouteRequest {
    pathParameters = Map.copyOf(pathParameters);
    query = Map.copyOf(query);
  }

  /** A path parameter of the route; the platform only calls a route with all of them present. */
  public String pathParameter(String name) {
    String value = pathParameters.get(name);
    if (value == null) {
      throw new IllegalArgumentException("The route has no path parameter " + name);
    }
    return value;
  }

  /** The first value of a query parameter. */
  public Optional<String> queryParameter(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
