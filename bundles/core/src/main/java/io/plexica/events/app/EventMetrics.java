package io.plexica.events.app;

import java.time.Duration;

/**
 * What the event bus counts and times, labelled by topic and plugin (never by tenant: that label
 * would grow with every tenant).
 */
public interface EventMetrics {

  /** Kafka acknowledged an event; {@code took}: from send to acknowledgement. */
  void published(String topic, Duration took);

  /** A plugin's handler handled an event. */
  void consumed(String topic, String pluginId, Duration took);

  /** A plugin's handler failed on an event (any attempt). */
  void failed(String topic, String pluginId);

  /** All retries failed: the event went to the dead-letter queue. */
  void deadLettered(String topic, String pluginId);

  /** Counts nothing: for tests and tools. */
  EventMetrics NONE =
      new EventMetrics() {
        @Override
        public void published(String topic, Duration took) {}

        @Override
        public void consumed(String topic, String pluginId, Duration took) {}

        @Override
        public void failed(String topic, String pluginId) {}

        @Override
        public void deadLettered(String topic, String pluginId) {}
      };
}
