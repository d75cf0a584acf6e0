package io.plexica.plugins.app;

import io.plexica.plugins.app.PluginRuntime.HookTarget;
import io.plexica.plugins.domain.PluginInstallation;
import io.plexica.plugins.domain.PluginStore;
import io.plexica.sdk.CallContext;
import io.plexica.sdk.hook.HookCall;
import io.plexica.sdk.hook.HookNames;
import io.plexica.sdk.hook.HookResult;
import io.plexica.shared.hooks.ExtensionPoints;
import io.plexica.shared.json.JsonText;
import io.plexica.shared.problem.ProblemException;
import jakarta.json.JsonObject;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers the platform's extension points to plugins' {@code HookHandler}s: to the plugins enabled
 * in the event's tenant (and {@code tenant.created} to every running plugin, since none is
 * installed in a tenant that just came to be; {@code plugin.installed} only to the plugin
 * installed). Each call goes through the call guard; a plugin that fails or times out counts as not
 * vetoing, so a broken plugin never blocks the platform.
 */
public class PluginHooks implements ExtensionPoints {
  private static final Logger LOG = Logger.getLogger(PluginHooks.class.getName());

  private final PluginRuntime runtime;
  private final PluginStore store;
  private final PluginCallGuard guard;
  private final Executor background;

  public PluginHooks(
      PluginRuntime runtime, PluginStore store, PluginCallGuard guard, Executor background) {
    this.runtime = runtime;
    this.store = store;
    this.guard = guard;
    this.background = background;
  }

  @Override
  public void announce(Event event) {
    background.execute(() -> deliver(event, false));
  }

  @Override
  public Optional<String> ask(Event event) {
    return deliver(event, true);
  }

  private Optional<String> deliver(Event event, boolean vetoable) {
    JsonObject payload = JsonText.PROVIDER.createObjectBuilder(event.payload()).build();
    for (HookTarget target : runtime.hooks(event.name())) {
      Optional<String> config = configIfDelivered(event, target);
      if (config.isEmpty()) {
        continue;
      }
      CallContext context =
          new CallContext(
              event.tenantId(),
              event.tenantSlug(),
              event.userId(),
              event.username(),
              Set.of(),
              workspaceOf(event),
              JsonText.object(config.get()));
      HookCall call = new HookCall(event.name(), payload, vetoable, context);
      try {
        HookResult result =
            guard.call(target.pluginId(), context, () -> target.handler().handle(call));
        if (vetoable && result != null && result.vetoed()) {
          return Optional.of(target.pluginId() + ": " + result.reason().orElse("vetoed"));
        }
      } catch (ProblemException e) {
        LOG.log(
            Level.WARNING,
            "Hook " + event.name() + " of plugin " + target.pluginId() + " failed; ignored",
            e);
      }
    }
    return Optional.empty();
  }

  /**
   * The workspace an event is about ({@code workspace.created}'s new workspace), as the context's
   * workspace: the plugin's {@code ${workspace}} SQL and files then work in the hook as in a route.
   */
  static Optional<UUID> workspaceOf(Event event) {
    Object id = event.payload().get("workspaceId");
    try {
      return id == null ? Optional.empty() : Optional.of(UUID.fromString(id.toString()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The plugin's configuration in the tenant when the event is for it; empty when it is not. */
  private Optional<String> configIfDelivered(Event event, HookTarget target) {
    String pluginId = target.pluginId();
    if (HookNames.TENANT_CREATED.equals(event.name())) {
      // Once per plugin: to the version new tenants would install.
      return store
          .find(pluginId)
          .filter(p -> p.currentVersion().equals(target.version()))
          .map(p -> "{}");
    }
    if (HookNames.PLUGIN_INSTALLED.equals(event.name())
        && !pluginId.equals(event.payload().get("pluginId"))) {
      return Optional.empty();
    }
    return store
        .installation(event.tenantId(), pluginId)
        .filter(PluginInstallation::enabled)
        .filter(i -> i.pluginVersion().equals(target.version()))
        .map(PluginInstallation::config);
  }
}
