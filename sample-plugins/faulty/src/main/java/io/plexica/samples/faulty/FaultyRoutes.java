package io.plexica.samples.faulty;

import io.plexica.sdk.hook.Hook;
import io.plexica.sdk.hook.HookCall;
import io.plexica.sdk.hook.HookHandler;
import io.plexica.sdk.hook.HookNames;
import io.plexica.sdk.hook.HookResult;
import io.plexica.sdk.route.Route;
import io.plexica.sdk.route.RouteHandler;
import io.plexica.sdk.route.RouteRequest;
import io.plexica.sdk.route.RouteResponse;
import jakarta.json.spi.JsonProvider;
import org.osgi.service.component.annotations.Component;

/** Routes and a hook that fail in the ways plugin code fails. */
public final class FaultyRoutes {
  /** The static {@code Json} methods look the provider up again on every call; one is kept. */
  private static final JsonProvider JSON = JsonProvider.provider();

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
      return RouteResponse.ok(JSON.createObjectBuilder().add("ok", true).build());
    }
  }

  /** A hook on {@code workspace.creating} that throws: it must not stop the workspace. */
  @Component(service = HookHandler.class)
  @Hook(HookNames.WORKSPACE_CREATING)
  public static class ThrowingHook implements HookHandler {
    @Override
    public HookResult handle(HookCall call) {
      throw new IllegalStateException("a bug in a hook");
    }
  }
}
