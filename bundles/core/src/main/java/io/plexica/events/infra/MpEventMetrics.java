package io.plexica.events.infra;

import io.plexica.events.app.EventMetrics;
import java.time.Duration;
import java.util.function.ToDoubleFunction;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The event metrics in the application's MicroProfile registry, exported at {@code /metrics} as
 * {@code plexica_events_*}.
 */
public class MpEventMetrics implements EventMetrics {
  private final MetricRegistry registry;

  public MpEventMetrics(MetricRegistry registry) {
    this.registry = registry;
  }

  /** Gauges read when the metrics are scraped. */
  public <T> void gauges(
      T deliveries, ToDoubleFunction<T> pendingDeadLetters, ToDoubleFunction<T> subscriptions) {
    registry.gauge(
        "plexica.events.dead_letters.pending", deliveries, pendingDeadLetters::applyAsDouble);
    registry.gauge("plexica.events.subscriptions.active", deliveries, subscriptions::applyAsDouble);
  }

  @Override
  public void published(String topic, Duration took) {
    Tag tag = new Tag("topic", topic);
    registry.counter("plexica.events.published", tag).inc();
    registry.timer("plexica.events.publish.duration", tag).update(took);
  }

  @Override
  public void consumed(String topic, String pluginId, Duration took) {
    Tag[] tags = {new Tag("topic", topic), new Tag("plugin", pluginId)};
    registry.counter("plexica.events.consumed", tags).inc();
    registry.timer("plexica.events.consume.duration", tags).update(took);
  }

  @Override
  public void failed(String topic, String pluginId) {
    registry
        .counter("plexica.events.failed", new Tag("topic", topic), new Tag("plugin", pluginId))
        .inc();
  }

  @Override
  public void deadLettered(String topic, String pluginId) {
    registry
        .counter(
            "plexica.events.dead_lettered", new Tag("topic", topic), new Tag("plugin", pluginId))
        .inc();
  }
}
