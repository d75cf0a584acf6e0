package io.plexica.plugins.app;

import io.plexica.identity.domain.IdentityProblems;
import io.plexica.plugins.domain.PluginInstallation;
import io.plexica.plugins.domain.PluginProblems;
import io.plexica.plugins.domain.PluginStore;
import io.plexica.sdk.CallContext;
import io.plexica.sdk.route.RouteResponse;
import io.plexica.sdk.service.ServiceUnavailable;
import io.plexica.shared.json.JsonText;
import io.plexica.shared.problem.ProblemException;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * The platform in the middle of a call from one plugin to another, by service or by route: the
 * caller hands back the context the platform issued to it for the running call, names the callee
 * among its {@code plugin.json} dependencies, and reaches only the version the call's tenant has
 * installed and enabled; the callee runs with the same tenant, user and permissions (and its own
 * configuration), under its own breaker and time limit, and the call is counted.
 */
public class PluginCalls {
  public static final String SERVICE = "service";
  public static final String ROUTE = "route";

  private final PluginStore store;
  private final PluginDeployment deployment;
  private final PluginCallGuard guard;
  private final PluginCallMetrics metrics;
  private final PluginRouter router;

  public PluginCalls(
      PluginStore store,
      PluginDeployment deployment,
      PluginCallGuard guard,
      PluginRouter router,
      PluginCallMetrics metrics) {
    this.router = router;
    this.store = store;
    this.deployment = deployment;
    this.guard = guard;
    this.metrics = metrics;
  }

  /**
   * The callee's installation in the call's tenant, when the caller may reach it now.
   *
   * @param what the service or route, as {@link ServiceUnavailable} names it
   * @throws ServiceUnavailable when the caller did not declare the callee, or the callee is not
   *     installed and enabled in the tenant
   */
  public PluginInstallation reachable(
      String callerId, String callerVersion, CallContext context, String calleeId, String what) {
    CallContexts.SHARED.require(callerId, context);
    if (!declares(callerId, callerVersion, calleeId)) {
      throw new ServiceUnavailable(
          what,
          "Plugin '"
              + callerId
              + "' "
              + callerVersion
              + " does not name '"
              + calleeId
              + "' among the dependencies of its plugin.json, so it may not call it.");
    }
    return store
        .installation(context.tenantId(), calleeId)
        .filter(PluginInstallation::enabled)
        .orElseThrow(
            () ->
                new ServiceUnavailable(
                    what,
                    "Plugin '"
                        + calleeId
                        + "' is not installed and enabled in tenant "
                        + context.tenantSlug()
                        + "."));
  }

  /**
   * A callee resting after failures or over its time limit is out of reach for this call: the
   * caller gets {@link ServiceUnavailable}, which it may handle.
   */
  private static <T> T outOfReach(String calleeId, java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (ProblemException e) {
      if (e.type().equals(PluginProblems.PLUGIN_UNAVAILABLE)
          || e.type().equals(PluginProblems.PLUGIN_TIMEOUT)) {
        throw new ServiceUnavailable("plugin '" + calleeId + "'", e.getMessage());
      }
      throw e;
    }
  }

  /** Starts the plugin version here if another node deployed it a moment ago. */
  public void ensureRunning(String pluginId, String version) {
    deployment.ensureRunning(pluginId, version);
  }

  /** Whether the caller's manifest names the callee among its dependencies. */
  public boolean declares(String callerId, String callerVersion, String calleeId) {
    return deployment.manifest(callerId, callerVersion).dependsOn(calleeId);
  }

  /**
   * Refuses, naming the permission, a user whose roles lack what the callee's operation requires.
   */
  public static void requirePermission(
      CallContext context, String calleeId, String operation, String permission) {
    if (!permission.isEmpty() && !context.can(permission)) {
      throw new ProblemException(
          IdentityProblems.PERMISSION_DENIED,
          operation
              + " of plugin '"
              + calleeId
              + "' needs the permission "
              + permission
              + ", which your roles do not grant.");
    }
  }

  /** The callee's own context for the call: the caller's tenant, user and workspace. */
  public static CallContext contextFor(CallContext caller, PluginInstallation callee) {
    return new CallContext(
        caller.tenantId(),
        caller.tenantSlug(),
        caller.userId(),
        caller.username(),
        caller.permissions(),
        caller.workspaceId(),
        JsonText.object(callee.config()),
        caller.workspaceRole());
  }

  /** Runs the callee's work on this thread under its breaker and time limit, counted. */
  public <T> T invoke(
      String callerId, String calleeId, String path, CallContext calleeContext, Callable<T> work) {
    long start = System.nanoTime();
    boolean failed = true;
    try {
      T result = outOfReach(calleeId, () -> guard.inline(calleeId, calleeContext, work));
      failed = false;
      return result;
    } finally {
      metrics.called(callerId, calleeId, path, Duration.ofNanos(System.nanoTime() - start), failed);
    }
  }

  /** A route of another plugin, through the platform's dispatch, on this thread. */
  public RouteResponse route(
      String callerId, String callerVersion, CallContext context, PluginRouter.Call call) {
    String what = "plugin '" + call.pluginId() + "' " + call.method() + " " + call.path();
    reachable(callerId, callerVersion, context, call.pluginId(), what);
    long start = System.nanoTime();
    boolean failed = true;
    try {
      RouteResponse response = outOfReach(call.pluginId(), () -> router.callFrom(context, call));
      failed = false;
      return response;
    } finally {
      metrics.called(
          callerId, call.pluginId(), ROUTE, Duration.ofNanos(System.nanoTime() - start), failed);
    }
  }
}
