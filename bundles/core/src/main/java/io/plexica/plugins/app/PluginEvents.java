package io.plexica.plugins.app;

import io.plexica.plugins.domain.PluginInstallation;
import io.plexica.shared.events.DomainEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code core.plugin.*} events of a tenant's installations. */
final class PluginEvents {
  private PluginEvents() {}

  static List<DomainEvent> of(String action, PluginInstallation installation) {
    return of(action, installation, Map.of());
  }

  static List<DomainEvent> of(
      String action, PluginInstallation installation, Map<String, Object> more) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("pluginId", installation.pluginId());
    data.put("version", installation.pluginVersion());
    data.put("enabled", installation.enabled());
    data.putAll(more);
    return List.of(DomainEvent.of("core.plugin." + action, installation.tenantId(), data));
  }
}
