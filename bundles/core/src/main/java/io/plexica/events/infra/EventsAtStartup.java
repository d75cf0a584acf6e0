package io.plexica.events.infra;

import io.plexica.shared.persistence.Database;
import io.plexica.tenancy.app.SchemaUpgrade;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
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

  private volatile OutboxRelay relay;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    schema.afterCore("Outbox relay", executor, this::startRelay);
  }

  private void startRelay() {
    relay =
        new OutboxRelay(
                database.dataSource(),
                kafka,
                Duration.ofMillis(idleMillis),
                new MpEventMetrics(registry))
            .start();
  }

  /** The relay, once started. */
  public Optional<OutboxRelay> relay() {
    return Optional.ofNullable(relay);
  }

  @PreDestroy
  void stop() {
    OutboxRelay running = relay;
    if (running != null) {
      running.close();
    }
  }
}
