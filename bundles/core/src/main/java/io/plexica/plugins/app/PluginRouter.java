package io.plexica.plugins.app;

import io.plexica.identity.domain.Access;
import io.plexica.identity.domain.IdentityProblems;
import io.plexica.plugins.app.PluginRuntime.MatchedRoute;
import io.plexica.plugins.domain.PluginInstallation;
import io.plexica.plugins.domain.PluginProblems;
import io.plexica.sdk.CallContext;
import io.plexica.sdk.route.RouteRequest;
import io.plexica.sdk.route.RouteResponse;
import io.plexica.shared.json.JsonText;
import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.problem.ProblemType;
import io.plexica.tenancy.domain.TenantRef;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Calls a plugin's route for a tenant request: only where the plugin is installed and enabled (404
 * everywhere else, the same answer as for a route that does not exist), only for callers holding
 * the route's permission, and inside the call guard.
 */
public class PluginRouter {
  private final PluginInstallations installations;
  private final PluginRuntime runtime;
  private final PluginDeployment deployment;
  private final PluginCallGuard guard;

  public PluginRouter(
      PluginInstallations installations,
      PluginRuntime runtime,
      PluginDeployment deployment,
      PluginCallGuard guard) {
    this.installations = installations;
    this.runtime = runtime;
    this.deployment = deployment;
    this.guard = guard;
  }

  /**
   * A request to a plugin, as the web layer read it; {@code workspaceId} is a workspace the caller
   * was checked a member of, and {@code workspaceRole} its role there ({@code VIEWER}, {@code
   * MEMBER} or {@code ADMIN}), present together.
   */
  public record Call(
      String pluginId,
      String method,
      String path,
      Map<String, List<String>> query,
      Optional<JsonValue> body,
      Optional<UUID> workspaceId,
      Optional<String> workspaceRole) {}

  public RouteResponse call(TenantRef tenant, Access access, String username, Call call) {
    return dispatch(
        tenant.id(),
        tenant.slug(),
        new Caller(
            Optional.of(access.userId()),
            Optional.of(username),
            access.enabled() ? access.permissions() : Set.of()),
        call,
        false);
  }

  /**
   * A plugin's call of another plugin's route ({@link PluginCalls}): the same checks for the same
   * user, on the calling plugin's thread.
   */
  public RouteResponse callFrom(CallContext caller, Call call) {
    return dispatch(
        caller.tenantId(),
        caller.tenantSlug(),
        new Caller(caller.userId(), caller.username(), caller.permissions()),
        call,
        true);
  }

  private record Caller(
      Optional<UUID> userId, Optional<String> username, Set<String> permissions) {}

  private RouteResponse dispatch(
      UUID tenantId, String tenantSlug, Caller caller, Call call, boolean inline) {
    PluginInstallation installation =
        installations.enabled(tenantId, call.pluginId()).orElseThrow(() -> notFound(call));
    MatchedRoute route =
        route(call, installation.pluginVersion()).orElseThrow(() -> notFound(call));
    if (!route.permission().isEmpty() && !caller.permissions().contains(route.permission())) {
      throw new ProblemException(
          IdentityProblems.PERMISSION_DENIED,
          "This needs the permission " + route.permission() + ", which your roles do not grant.");
    }
    call.workspaceRole().ifPresent(held -> requireWorkspaceRole(call, route, held));
    CallContext context =
        new CallContext(
            tenantId,
            tenantSlug,
            caller.userId(),
            caller.username(),
            caller.permissions(),
            call.workspaceId(),
            JsonText.object(installation.config()),
            call.workspaceRole());
    RouteRequest request =
        new RouteRequest(
            call.method(), call.path(), route.pathParameters(), call.query(), call.body(), context);
    return inline
        ? guard.inline(call.pluginId(), context, () -> route.handler().handle(request))
        : guard.call(call.pluginId(), context, () -> route.handler().handle(request));
  }

  /**
   * The route in the installed version. A version another replica deployed or installed a moment
   * ago may not run here yet (this replica hears of it through Kafka shortly): it is started now,
   * from the registry, rather than the call answered 404.
   */
  private Optional<MatchedRoute> route(Call call, String version) {
    Optional<MatchedRoute> route =
        runtime.route(call.pluginId(), version, call.method(), call.path());
    if (route.isEmpty() && !runtime.activeVersions(call.pluginId()).contains(version)) {
      deployment.ensureRunning(call.pluginId(), version);
      route = runtime.route(call.pluginId(), version, call.method(), call.path());
    }
    return route;
  }

  /**
   * The route's workspace role, or by default VIEWER to read and MEMBER to change; a role the
   * platform does not know asks for ADMIN, so a typo never opens a route.
   */
  private static void requireWorkspaceRole(Call call, MatchedRoute route, String held) {
    String needed =
        route.workspaceRole().isBlank()
            ? ("GET".equalsIgnoreCase(call.method()) ? "VIEWER" : "MEMBER")
            : route.workspaceRole().strip().toUpperCase(java.util.Locale.ROOT);
    if (!CallContext.WORKSPACE_ROLES.contains(needed)) {
      needed = "ADMIN";
    }
    if (CallContext.WORKSPACE_ROLES.indexOf(held) < CallContext.WORKSPACE_ROLES.indexOf(needed)) {
      throw new ProblemException(
          ProblemType.WORKSPACE_ROLE_REQUIRED,
          call.method()
              + " "
              + route.template()
              + " of plugin '"
              + call.pluginId()
              + "' needs the "
              + needed
              + " role in the workspace; yours is "
              + held
              + ".");
    }
  }

  private static ProblemException notFound(Call call) {
    return new ProblemException(
        PluginProblems.ROUTE_NOT_FOUND,
        "No route "
            + call.method()
            + " "
            + call.path()
            + " of plugin '"
            + call.pluginId()
            + "' in this tenant.");
  }
}
