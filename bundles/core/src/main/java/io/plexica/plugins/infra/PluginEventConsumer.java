package io.plexica.plugins.infra;

import io.plexica.events.infra.KafkaSettings;
import io.plexica.plugins.app.PluginRuntime;
import io.plexica.plugins.infra.PluginEventDelivery.Incoming;
import io.plexica.shared.lifecycle.BackgroundLoop;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the topics the running plugins' handlers subscribe to (following them as plugins come and
 * go) in one consumer group for all replicas, hands each poll to {@link PluginEventDelivery}, and
 * commits once the poll is delivered or recorded as failed; a malformed event is skipped.
 */
final class PluginEventConsumer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(PluginEventConsumer.class.getName());
  static final String GROUP = "plexica-plugin-events";

  private final KafkaSettings kafka;
  private final PluginRuntime runtime;
  private final PluginEventDelivery delivery;
  private final BackgroundLoop loop;

  PluginEventConsumer(KafkaSettings kafka, PluginRuntime runtime, PluginEventDelivery delivery) {
    this.kafka = kafka;
    this.runtime = runtime;
    this.delivery = delivery;
    this.loop = new BackgroundLoop("plexica-plugin-events", this::consume);
  }

  void start() {
    loop.start();
  }

  private void consume(BackgroundLoop loop) {
    Properties properties = kafka.common();
    properties.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
    properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "plexica-plugin-events");
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // Topics of plugins deployed later are found within seconds.
    properties.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 2000);
    // Bookkeeping (dedupe, commit) is per poll: larger polls, fewer round trips under load.
    properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
    while (loop.running()) {
      try (KafkaConsumer<String, byte[]> consumer =
          new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
        Set<String> subscribed = Set.of();
        while (loop.running()) {
          Set<String> wanted = topics();
          if (!wanted.equals(subscribed)) {
            if (wanted.isEmpty()) {
              consumer.unsubscribe();
            } else {
              consumer.subscribe(wanted);
            }
            subscribed = wanted;
          }
          if (subscribed.isEmpty()) {
            loop.pause(Duration.ofMillis(500));
            continue;
          }
          List<Incoming> batch = new ArrayList<>();
          for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            String envelope = new String(record.value(), StandardCharsets.UTF_8);
            try {
              batch.add(
                  new Incoming(record.topic(), envelope, PluginEventDelivery.parse(envelope)));
            } catch (RuntimeException e) {
              LOG.log(Level.WARNING, "Skipping a malformed event on " + record.topic(), e);
            }
          }
          if (!batch.isEmpty()) {
            delivery.deliverFirst(batch);
            consumer.commitSync();
          }
        }
      } catch (RuntimeException e) {
        if (loop.running()) {
          LOG.log(Level.WARNING, "Delivering events to plugins failed; reconnecting", e);
          loop.pause(Duration.ofSeconds(1));
        }
      }
    }
  }

  private Set<String> topics() {
    Set<String> topics = new TreeSet<>();
    runtime.eventHandlers().forEach(s -> topics.addAll(s.topics()));
    return topics;
  }

  @Override
  public void close() {
    loop.close();
  }
}
