package io.plexica.sdk.service;

import io.plexica.sdk.CallContext;
import io.plexica.sdk.route.RouteResponse;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Another plugin's routes, called in process through the platform's own dispatch: the same tenant,
 * user, permissions and workspace as the call, the route's permission and workspace role checked,
 * the callee's time limit and breaker applied; no network hop. Get it with {@code @Reference
 * PluginGateway}; the plugin called must be among the caller's {@code plugin.json} dependencies.
 */
@ProviderType
public interface PluginGateway {

  /**
   * Calls {@code method path} of plugin {@code pluginId} (a path under its routes, such as {@code
   * /contacts/42}). A refusal or a problem of the callee (403 lacking its permission, 404, its own
   * problems) ends the caller's call with that problem unless caught.
   *
   * @throws ServiceUnavailable when the plugin is not installed and enabled in the tenant, not a
   *     declared dependency, or resting after failures
   */
  RouteResponse call(
      CallContext context,
      String pluginId,
      String method,
      String path,
      Map<String, List<String>> query,
      Optional<JsonValue> body);

  /** {@code GET path} of plugin {@code pluginId}, without query or body. */
  default RouteResponse get(CallContext context, String pluginId, String path) {
    return call(context, pluginId, "GET", path, Map.of(), Optional.empty());
  }
}
