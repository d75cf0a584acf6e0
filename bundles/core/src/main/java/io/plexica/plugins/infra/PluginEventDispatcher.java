package io.plexica.plugins.infra;

import io.plexica.events.app.EventMetrics;
import io.plexica.events.infra.KafkaSettings;
import io.plexica.plugins.app.PluginCallGuard;
import io.plexica.plugins.app.PluginRuntime;
import io.plexica.plugins.domain.PluginStore;
import io.plexica.shared.resilience.Breakers;
import io.plexica.tenancy.domain.TenantRepository;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * Delivers events from Kafka to the event handlers of running plugins: the consumer ({@link
 * PluginEventConsumer}) reads the handlers' topics, the delivery policy ({@link
 * PluginEventDelivery}: installed and enabled in the tenant at the handler's version, once per
 * handler, the tenant's context, time limit and breaker) calls them, and the retry loop ({@link
 * PluginEventRetries}) tries a failed delivery again after 1, 2 and 4 s, then sends its event to
 * {@code dlq.<topic>} where it stays {@code FAILED} in the dead-letter table.
 */
public class PluginEventDispatcher implements AutoCloseable {
  private final PluginRuntime runtime;
  private final EventDeliveries deliveries;
  private final PluginEventDelivery delivery;
  private final PluginEventConsumer consumer;
  private final PluginEventRetries retries;

  public PluginEventDispatcher(
      KafkaSettings kafka,
      DataSource dataSource,
      PluginRuntime runtime,
      PluginStore store,
      TenantRepository tenants,
      PluginCallGuard guard,
      EventMetrics metrics,
      Breakers breakers) {
    this.runtime = runtime;
    this.deliveries = new EventDeliveries(dataSource);
    this.delivery =
        new PluginEventDelivery(runtime, store, tenants, guard, deliveries, metrics, breakers);
    this.consumer = new PluginEventConsumer(kafka, runtime, delivery);
    this.retries = new PluginEventRetries(dataSource, deliveries, delivery, metrics);
  }

  public PluginEventDispatcher start() {
    consumer.start();
    retries.start();
    return this;
  }

  /** Dead letters waiting for a decision or a retry (for the gauge). */
  public long pendingDeadLetters() {
    try {
      return deliveries.unresolved();
    } catch (SQLException e) {
      return -1;
    }
  }

  /** Event handlers of running plugins (for the gauge). */
  public int activeSubscriptions() {
    return runtime.eventHandlers().size();
  }

  /** Handlers resting after repeated failures, as {@code plugin/handler} (for health). */
  public List<String> restingHandlers() {
    return delivery.restingHandlers();
  }

  @Override
  public void close() {
    consumer.close();
    retries.close();
  }
}
