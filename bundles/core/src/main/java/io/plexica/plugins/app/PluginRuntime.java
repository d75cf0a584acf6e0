package io.plexica.plugins.app;

import io.plexica.plugincheck.SdkManifest;
import io.plexica.plugins.domain.PluginManifest;
import io.plexica.sdk.event.EventHandler;
import io.plexica.sdk.hook.HookHandler;
import io.plexica.sdk.route.RouteHandler;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Where plugin code runs: the embedded OSGi framework. */
public interface PluginRuntime {

  /**
   * The SDK the runtime provides: its release, which plugins' {@code sdk} ranges must include, and
   * its packages, which plugins' imports of them must accept.
   */
  SdkManifest sdk();

  /**
   * Runs this version of the plugin beside the versions that run already (each tenant is served by
   * the version it installed); nothing happens when it runs. A bundle that does not start is
   * refused ({@code plugin-bundle-unresolved}) and leaves nothing behind.
   */
  void activate(PluginManifest manifest, byte[] bundle);

  /** Stops every version of the plugin; nothing happens when none runs. */
  void deactivate(String pluginId);

  /** Stops one version of the plugin; nothing happens when it does not run. */
  void deactivate(String pluginId, String version);

  Set<String> activeVersions(String pluginId);

  /** The ids of the plugins of which some version runs. */
  Set<String> activePlugins();

  /** A route of that version of the plugin matching the request, with the path's parameters. */
  Optional<MatchedRoute> route(String pluginId, String version, String method, String path);

  /**
   * Serves plugins' calls of other plugins ({@code PluginServices}, {@code PluginGateway}) through
   * {@code calls}; until then such calls find nothing.
   */
  void mediate(PluginCalls calls);

  /** The services a version of the plugin offers, when it runs here. */
  List<ServiceOffer> services(String pluginId, String version);

  /**
   * A service a plugin offers: an interface of a package it exports, with the package's version and
   * each operation's permission (empty when it needs none).
   */
  record ServiceOffer(
      String service, String apiPackage, String apiVersion, Map<String, String> operations) {
    public ServiceOffer {
      operations = Map.copyOf(operations);
    }
  }

  /** The hook handlers running plugins registered for an extension point, with their plugin. */
  List<HookTarget> hooks(String name);

  record HookTarget(String pluginId, String version, HookHandler handler) {}

  /** The event handlers of running plugins. */
  List<EventSubscriber> eventHandlers();

  /**
   * An event handler of a running plugin version: its component's name identifies it across
   * deliveries and retries.
   */
  record EventSubscriber(
      String pluginId,
      String version,
      String name,
      Set<String> topics,
      boolean workspaceOnly,
      EventHandler handler) {}

  /**
   * A route that answers a request; {@code workspaceRole} is what the route declares ({@code
   * Route#workspaceRole}), empty for the default.
   */
  record MatchedRoute(
      String template,
      String permission,
      String workspaceRole,
      Map<String, String> pathParameters,
      RouteHandler handler) {}
}
