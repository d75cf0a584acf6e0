package io.plexica.plugins.app;

import io.plexica.plugins.domain.PluginManifest;
import io.plexica.sdk.hook.HookHandler;
import io.plexica.sdk.route.RouteHandler;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where plugin code runs: the embedded OSGi framework. */
public interface PluginRuntime {

  /**
   * Runs this bundle as the plugin's version, replacing the one that runs; when the bundle does not
   * start ({@code plugin-bundle-unresolved}), the running version keeps running.
   */
  void activate(PluginManifest manifest, byte[] bundle);

  /** Stops the plugin; nothing happens when it does not run. */
  void deactivate(String pluginId);

  Optional<String> activeVersion(String pluginId);

  /** A route of the running plugin matching the request, with the path's parameters. */
  Optional<MatchedRoute> route(String pluginId, String method, String path);

  /** The hook handlers running plugins registered for an extension point, with their plugin. */
  List<HookTarget> hooks(String name);

  record HookTarget(String pluginId, HookHandler handler) {}

  record MatchedRoute(
      String template,
      String permission,
      Map<String, String> pathParameters,
      RouteHandler handler) {}
}
