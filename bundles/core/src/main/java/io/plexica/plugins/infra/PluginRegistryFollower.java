package io.plexica.plugins.infra;

import io.plexica.events.infra.KafkaSettings;
import io.plexica.plugins.app.PluginDeployment;
import io.plexica.plugins.app.PluginLibraries;
import io.plexica.shared.json.JsonText;
import io.plexica.shared.lifecycle.BackgroundLoop;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Keeps the plugins and libraries this replica runs in line with the registry that another replica
 * changed: every replica hears every deployment, removal, library added or removed, installation,
 * upgrade and uninstallation (a consumer group of its own, from the moment it starts) and brings
 * that plugin's running versions in line with the database. Every few minutes it also checks them
 * all, in case it missed something while Kafka was away; the database stays the record (decision
 * 0008), so redelivered or missed events do no harm.
 */
public class PluginRegistryFollower implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(PluginRegistryFollower.class.getName());

  /**
   * How far before its start a replica reads: events written by another machine whose clock is a
   * little behind still count, and reading one twice does no harm.
   */
  private static final Duration CLOCK_SLACK = Duration.ofMinutes(1);

  private static final String LIBRARY_TOPICS = "core.library.";

  static final List<String> TOPICS =
      List.of(
          PluginDeployment.DEPLOYED,
          PluginDeployment.REMOVED,
          PluginDeployment.VERSION_REMOVED,
          PluginDeployment.REPLACED,
          PluginLibraries.ADDED,
          PluginLibraries.REMOVED,
          "core.plugin.installed",
          "core.plugin.upgraded",
          "core.plugin.uninstalled");

  private final KafkaSettings kafka;
  private final PluginDeployment deployment;
  private final PluginLibraries libraries;
  private final Duration checkAllEvery;
  private final BackgroundLoop loop;
  private volatile boolean listening;
  private Instant startedAt;

  /**
   * Where this replica is in each partition. Nothing is committed, and a topic may come into being
   * (auto-created) after the consumer joined: a partition assigned late must still be read from the
   * replica's start, not from its end, or the first event on a new topic is lost.
   */
  private final Map<TopicPartition, Long> positions = new HashMap<>();

  public PluginRegistryFollower(
      KafkaSettings kafka,
      PluginDeployment deployment,
      PluginLibraries libraries,
      Duration checkAllEvery) {
    this.kafka = kafka;
    this.deployment = deployment;
    this.libraries = libraries;
    this.checkAllEvery = checkAllEvery;
    this.loop = new BackgroundLoop("plexica-plugin-registry-follower", this::follow);
  }

  public PluginRegistryFollower start() {
    startedAt = Instant.now().minus(CLOCK_SLACK);
    loop.start();
    return this;
  }

  /** Whether it has joined and hears changes on every topic (for tests and health). */
  public boolean listening() {
    return listening;
  }

  private void follow(BackgroundLoop loop) {
    Properties properties = kafka.common();
    // A group of its own: every replica hears every change. Nothing is committed, so the group is
    // gone once the replica stops; a restarted replica reads the registry anyway.
    properties.put(ConsumerConfig.GROUP_ID_CONFIG, "plexica-replica-" + UUID.randomUUID());
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    Instant nextCheck = Instant.now().plus(checkAllEvery);
    while (loop.running()) {
      try (KafkaConsumer<String, byte[]> consumer =
          new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
        consumer.subscribe(TOPICS, new FromStart(consumer));
        while (loop.running()) {
          Set<String> changed = new LinkedHashSet<>();
          boolean librariesChanged = false;
          for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
            if (record.topic().startsWith(LIBRARY_TOPICS)) {
              librariesChanged = true;
            } else {
              pluginOf(record).ifPresent(changed::add);
            }
            positions.put(
                new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
          }
          listening =
              consumer.assignment().stream()
                  .map(TopicPartition::topic)
                  .collect(Collectors.toSet())
                  .containsAll(TOPICS);
          if (librariesChanged || !changed.isEmpty()) {
            // Libraries first: a plugin deployed elsewhere may import a library added just
            // before it, whose event this replica may not have read yet.
            reconcileLibraries();
          }
          changed.forEach(this::reconcile);
          if (Instant.now().isAfter(nextCheck)) {
            reconcileLibraries();
            deployment.reconcileAll();
            nextCheck = Instant.now().plus(checkAllEvery);
          }
        }
      } catch (RuntimeException e) {
        listening = false;
        if (loop.running()) {
          LOG.log(Level.WARNING, "Following the plugin registry failed; reconnecting", e);
          loop.pause(Duration.ofSeconds(2));
        }
      }
    }
    listening = false;
  }

  /** Puts every newly assigned partition where this replica left it, or at its start. */
  private final class FromStart implements ConsumerRebalanceListener {
    private final KafkaConsumer<String, byte[]> consumer;

    FromStart(KafkaConsumer<String, byte[]> consumer) {
      this.consumer = consumer;
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      Map<TopicPartition, Long> unseen = new HashMap<>();
      for (TopicPartition partition : partitions) {
        Long position = positions.get(partition);
        if (position != null) {
          consumer.seek(partition, position);
        } else {
          unseen.put(partition, startedAt.toEpochMilli());
        }
      }
      if (unseen.isEmpty()) {
        return;
      }
      // Ends first: whatever is written after this call lies past them, and whatever was written
      // before it since the start is found by time.
      Map<TopicPartition, Long> ends = consumer.endOffsets(unseen.keySet());
      Map<TopicPartition, OffsetAndTimestamp> fromStart = consumer.offsetsForTimes(unseen);
      for (TopicPartition partition : unseen.keySet()) {
        OffsetAndTimestamp offset = fromStart.get(partition);
        consumer.seek(partition, offset == null ? ends.get(partition) : offset.offset());
      }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      // positions already holds what was read; nothing to commit.
    }
  }

  private void reconcileLibraries() {
    try {
      libraries.reconcile();
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Library bundles could not follow the registry", e);
    }
  }

  private void reconcile(String pluginId) {
    try {
      deployment.reconcile(pluginId);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Plugin " + pluginId + " could not follow the registry", e);
    }
  }

  private static Optional<String> pluginOf(ConsumerRecord<String, byte[]> record) {
    try {
      JsonObject envelope = JsonText.object(new String(record.value(), StandardCharsets.UTF_8));
      return Optional.of(envelope.getJsonObject("data").getString("pluginId"));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Skipping a malformed event on " + record.topic(), e);
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    loop.close();
  }
}
