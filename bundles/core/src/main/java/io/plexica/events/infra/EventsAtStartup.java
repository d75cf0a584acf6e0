package io.plexica.events.infra;

import io.plexica.shared.persistence.Database;
import io.plexica.shared.persistence.DatabaseClusters;
import io.plexica.tenancy.app.SchemaUpgrade;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Starts the outbox relay once the core schema (with the outbox table) is migrated. Delivering
 * events to plugins is the plugins feature's (its {@code PluginEventsAtStartup}).
 */
@ApplicationScoped
public class EventsAtStartup {
  @Inject Database database;
  @Inject SchemaUpgrade schema;
  @Inject MetricRegistry registry;
  @Inject KafkaSettings kafka;
  @Resource private ManagedExecutorService executor;

  /** How long the relay waits when the outbox is empty before it looks again. */
  @Inject
  @ConfigProperty(name = "plexica.events.relay-idle-ms", defaultValue = "10")
  long idleMillis;

  private volatile List<OutboxRelay> relays = List.of();

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    schema.afterCore("Outbox relay", executor, this::startRelay);
  }

  /** One relay per database cluster: tenant units of work write the outbox of their cluster. */
  private void startRelay() {
    MpEventMetrics metrics = new MpEventMetrics(registry);
    List<OutboxRelay> started = new ArrayList<>();
    for (String cluster : database.clusters().ids()) {
      started.add(
          new OutboxRelay(
                  DatabaseClusters.MAIN.equals(cluster) ? "" : "-" + cluster,
                  database.clusters().cluster(cluster).platform(),
                  kafka,
                  Duration.ofMillis(idleMillis),
                  metrics)
              .start());
    }
    relays = List.copyOf(started);
  }

  /** The main cluster's relay, once started. */
  public Optional<OutboxRelay> relay() {
    return relays.stream().findFirst();
  }

  /** Every cluster's relay, the main one first, once started. */
  public List<OutboxRelay> relays() {
    return relays;
  }

  @PreDestroy
  void stop() {
    relays.forEach(OutboxRelay::close);
  }
}
