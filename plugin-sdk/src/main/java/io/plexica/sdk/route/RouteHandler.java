package io.plexica.sdk.route;

import org.osgi.annotation.versioning.ConsumerType;

/** Answers the requests of one route; register it as a service with {@link Route} properties. */
@ConsumerType
@FunctionalInterface
public interface RouteHandler {

  /**
   * Handles one request. Throw {@link io.plexica.sdk.PluginProblem} for an error the client can act
   * on; anything else becomes a 500 naming the plugin.
   */
  RouteResponse handle(RouteRequest request) throws Exception;
}
