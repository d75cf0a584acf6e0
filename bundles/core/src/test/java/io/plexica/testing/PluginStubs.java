package io.plexica.testing;

import io.plexica.plugins.app.PluginRuntime;
import io.plexica.plugins.app.PluginRuntime.EventSubscriber;
import io.plexica.plugins.domain.PluginInstallation;
import io.plexica.plugins.domain.PluginStore;
import io.plexica.sdk.event.EventHandler;
import io.plexica.tenancy.domain.TenantRef;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A plugin "stub" 1.0.0, installed and enabled in one tenant, whose only part is one event handler:
 * for tests and benches of the event delivery without a plugin bundle.
 */
public final class PluginStubs {
  public static final String PLUGIN = "stub";
  public static final String HANDLER = "stub-handler";

  private PluginStubs() {}

  public static PluginRuntime runtimeWith(String topic, EventHandler handler) {
    List<EventSubscriber> subscribers =
        List.of(new EventSubscriber(PLUGIN, "1.0.0", HANDLER, Set.of(topic), false, handler));
    return (PluginRuntime)
        Proxy.newProxyInstance(
            PluginRuntime.class.getClassLoader(),
            new Class<?>[] {PluginRuntime.class},
            (proxy, method, args) -> {
              if (method.getName().equals("eventHandlers")) {
                return subscribers;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  public static PluginStore installedIn(TenantRef tenant) {
    PluginInstallation installation =
        new PluginInstallation(tenant.id(), PLUGIN, "1.0.0", "{}", Instant.EPOCH);
    return (PluginStore)
        Proxy.newProxyInstance(
            PluginStore.class.getClassLoader(),
            new Class<?>[] {PluginStore.class},
            (proxy, method, args) -> {
              if (method.getName().equals("installation")) {
                return Optional.of(installation);
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }
}
