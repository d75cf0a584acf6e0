package io.plexica.plugins.infra;

import io.plexica.plugins.domain.PluginStore;
import io.plexica.sdk.CallContext;
import io.plexica.shared.events.DomainEvent;
import io.plexica.shared.events.Topics;
import io.plexica.shared.persistence.EventOutbox;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A plugin's own events: {@code plugin.<pluginId>.<event>} for the tenant (and workspace) of the
 * call, written to the outbox like the platform's, so none is lost while Kafka is down. Only while
 * the plugin is enabled in that tenant.
 */
public class PluginEventPublisher {
  private final DataSource dataSource;
  private final PluginStore store;

  public PluginEventPublisher(DataSource dataSource, PluginStore store) {
    this.dataSource = dataSource;
    this.store = store;
  }

  public UUID publish(String pluginId, CallContext context, String event, JsonObject data) {
    String topic = Topics.ofPlugin(pluginId, event);
    store.requireEnabled(context.tenantId(), context.tenantSlug(), pluginId);
    // A JsonObject is a map of JSON values: the envelope writes it as it is.
    DomainEvent domainEvent =
        new DomainEvent(
            topic,
            context.tenantId(),
            context.workspaceId(),
            data == null ? JsonObject.EMPTY_JSON_OBJECT : data);
    try (Connection connection = dataSource.getConnection()) {
      return EventOutbox.append(connection, domainEvent, pluginId);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not publish " + topic, e);
    }
  }
}
