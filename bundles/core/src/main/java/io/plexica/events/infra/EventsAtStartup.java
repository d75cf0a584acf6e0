package io.plexica.events.infra;

import io.plexica.plugins.app.PluginCallGuard;
import io.plexica.plugins.app.PluginDeployment;
import io.plexica.plugins.app.PluginRuntime;
import io.plexica.plugins.domain.PluginStore;
import io.plexica.plugins.infra.PluginsAtStartup;
import io.plexica.shared.persistence.Database;
import io.plexica.shared.resilience.Breakers;
import io.plexica.tenancy.app.SchemaUpgrade;
import io.plexica.tenancy.domain.TenantRepository;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Starts the outbox relay, the delivery of events to plugins and, unless plugins are off (safe
 * mode), the following of registry changes made by other replicas, once the core schema (with the
 * outbox and dead-letter tables) is migrated.
 */
@ApplicationScoped
public class EventsAtStartup {
  @Inject Database database;
  @Inject SchemaUpgrade schema;
  @Inject PluginRuntime runtime;
  @Inject PluginStore store;
  @Inject TenantRepository tenants;
  @Inject PluginCallGuard guard;
  @Inject PluginDeployment deployment;
  @Inject PluginsAtStartup plugins;
  @Inject MetricRegistry registry;
  @Resource private ManagedExecutorService executor;

  @Inject KafkaSettings kafka;

  /** How long the relay waits when the outbox is empty before it looks again. */
  @Inject
  @ConfigProperty(name = "plexica.events.relay-idle-ms", defaultValue = "10")
  long idleMillis;

  private volatile OutboxRelay relay;
  private volatile PluginEventDispatcher dispatcher;
  private volatile PluginRegistryFollower follower;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    executor.submit(this::startWhenSchemaIsReady);
  }

  private void startWhenSchemaIsReady() {
    try {
      while (!schema.isCoreDone()) {
        Thread.sleep(200);
      }
      MpEventMetrics metrics = new MpEventMetrics(registry);
      relay =
          new OutboxRelay(database.dataSource(), kafka, Duration.ofMillis(idleMillis), metrics)
              .start();
      dispatcher =
          new PluginEventDispatcher(
                  kafka,
                  database.dataSource(),
                  runtime,
                  store,
                  tenants,
                  guard,
                  metrics,
                  new Breakers(5, Duration.ofSeconds(30), Clock.systemUTC()))
              .start();
      if (!plugins.safeMode()) {
        follower = new PluginRegistryFollower(kafka, deployment, Duration.ofMinutes(5)).start();
      }
      metrics.gauges(
          dispatcher,
          PluginEventDispatcher::pendingDeadLetters,
          PluginEventDispatcher::activeSubscriptions);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The delivery to plugins, once started. */
  public Optional<PluginEventDispatcher> dispatcher() {
    return Optional.ofNullable(dispatcher);
  }

  /** The relay, once started. */
  public Optional<OutboxRelay> relay() {
    return Optional.ofNullable(relay);
  }

  @PreDestroy
  void stop() {
    PluginRegistryFollower following = follower;
    if (following != null) {
      following.close();
    }
    PluginEventDispatcher delivering = dispatcher;
    if (delivering != null) {
      delivering.close();
    }
    OutboxRelay running = relay;
    if (running != null) {
      running.close();
    }
  }
}
