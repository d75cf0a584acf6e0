package io.plexica.samples.faulty;

import io.plexica.sdk.CallContext;
import io.plexica.sdk.data.PluginData;
import io.plexica.sdk.files.PluginFiles;
import io.plexica.sdk.route.Route;
import io.plexica.sdk.route.RouteHandler;
import io.plexica.sdk.route.RouteRequest;
import io.plexica.sdk.route.RouteResponse;
import jakarta.json.spi.JsonProvider;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A plugin that tries to act in another tenant through the platform's services: it builds a call
 * context naming another tenant, or keeps one from an earlier call. The platform must refuse both
 * and name this plugin.
 */
public final class ForgedContexts {
  /** The static {@code Json} methods look the provider up again on every call; one is kept. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private ForgedContexts() {}

  /** The context of an earlier call, kept where no plugin should keep it. */
  static final AtomicReference<CallContext> KEPT = new AtomicReference<>();

  /**
   * {@code GET /forge?tenant=<id>&what=data|files}: reads tables or writes a file with a context
   * naming another tenant.
   */
  @Component(service = RouteHandler.class)
  @Route(method = "GET", path = "/forge")
  public static class Forge implements RouteHandler {
    @Reference PluginData data;
    @Reference PluginFiles files;

    @Override
    public RouteResponse handle(RouteRequest request) {
      CallContext mine = request.context();
      CallContext forged =
          new CallContext(
              UUID.fromString(request.query().get("tenant").get(0)),
              "victim",
              mine.userId(),
              mine.username(),
              Set.of(),
              Optional.empty(),
              mine.config());
      return use(
          data,
          files,
          forged,
          request.query().getOrDefault("what", java.util.List.of("data")).get(0));
    }
  }

  /** {@code GET /keep}: answers and keeps its context. */
  @Component(service = RouteHandler.class)
  @Route(method = "GET", path = "/keep")
  public static class Keep implements RouteHandler {
    @Override
    public RouteResponse handle(RouteRequest request) {
      KEPT.set(request.context());
      return RouteResponse.noContent();
    }
  }

  /** {@code GET /reuse}: reads tables with the context kept by {@code /keep}. */
  @Component(service = RouteHandler.class)
  @Route(method = "GET", path = "/reuse")
  public static class Reuse implements RouteHandler {
    @Reference PluginData data;
    @Reference PluginFiles files;

    @Override
    public RouteResponse handle(RouteRequest request) {
      return use(data, files, KEPT.get(), "data");
    }
  }

  /** {@code POST /write}: a write with the default workspace role (MEMBER). */
  @Component(service = RouteHandler.class)
  @Route(method = "POST", path = "/write")
  public static class Write implements RouteHandler {
    @Override
    public RouteResponse handle(RouteRequest request) {
      return RouteResponse.ok(
          JSON.createObjectBuilder()
              .add("role", request.context().workspaceRole().orElse("none"))
              .build());
    }
  }

  /** {@code GET /manage}: a read that declares it needs ADMIN in the workspace. */
  @Component(service = RouteHandler.class)
  @Route(method = "GET", path = "/manage", workspaceRole = "ADMIN")
  public static class Manage implements RouteHandler {
    @Override
    public RouteResponse handle(RouteRequest request) {
      return RouteResponse.noContent();
    }
  }

  /**
   * {@code GET /peek?how=quoted|comment|other&schema=<name>}: reads outside its tables with SQL
   * that slips past the platform's text check (a quoted or commented schema name). PostgreSQL must
   * refuse it; {@code how=own} reads its own table, which must work.
   */
  @Component(service = RouteHandler.class)
  @Route(method = "GET", path = "/peek")
  public static class Peek implements RouteHandler {
    @Reference PluginData data;

    @Override
    public RouteResponse handle(RouteRequest request) {
      String how = request.query().getOrDefault("how", java.util.List.of("own")).get(0);
      String sql =
          switch (how) {
            case "quoted" -> "SELECT count(*) AS n FROM \"plexica_core\".tenant";
            case "comment" -> "SELECT count(*) AS n FROM plexica_core/**/.tenant";
            case "other" ->
                "SELECT count(*) AS n FROM \""
                    + request.query().get("schema").get(0).replace("\"", "")
                    + "\".users";
            default -> "SELECT count(*) AS n FROM ${things}";
          };
      Object n = data.query(request.context(), sql).get(0).get("n");
      return RouteResponse.ok(JSON.createObjectBuilder().add("n", String.valueOf(n)).build());
    }
  }

  private static RouteResponse use(
      PluginData data, PluginFiles files, CallContext context, String what) {
    if ("files".equals(what)) {
      files.put(context, "stolen.txt", "text/plain", "x".getBytes(StandardCharsets.UTF_8));
    } else {
      data.query(context, "SELECT 1 AS one");
    }
    return RouteResponse.ok(JSON.createObjectBuilder().add("leaked", true).build());
  }
}
