package io.plexica.samples.faulty;

import io.plexica.sdk.route.Route;
import io.plexica.sdk.route.RouteHandler;
import io.plexica.sdk.route.RouteRequest;
import io.plexica.sdk.route.RouteResponse;
import jakarta.json.Json;
import org.osgi.service.component.annotations.Component;

/** Routes that fail in the ways plugin code fails. */
public final class FaultyRoutes {
  private FaultyRoutes() {}

  /** {@code GET /throw}: an unexpected exception. */
  @Component(service = RouteHandler.class)
  @Route(method = "GET", path = "/throw")
  public static class Throws implements RouteHandler {
    @Override
    public RouteResponse handle(RouteRequest request) {
      throw new IllegalStateException("a bug in the plugin");
    }
  }

  /** {@code GET /hang}: never answers (until interrupted). */
  @Component(service = RouteHandler.class)
  @Route(method = "GET", path = "/hang")
  public static class Hangs implements RouteHandler {
    @Override
    public RouteResponse handle(RouteRequest request) throws InterruptedException {
      Thread.sleep(Long.MAX_VALUE);
      return RouteResponse.noContent();
    }
  }

  /** {@code GET /ok}: answers, to show the plugin works between its failures. */
  @Component(service = RouteHandler.class)
  @Route(method = "GET", path = "/ok")
  public static class Answers implements RouteHandler {
    @Override
    public RouteResponse handle(RouteRequest request) {
      return RouteResponse.ok(Json.createObjectBuilder().add("ok", true).build());
    }
  }
}
