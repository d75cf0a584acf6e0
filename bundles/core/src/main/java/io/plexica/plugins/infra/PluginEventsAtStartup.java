package io.plexica.plugins.infra;

import io.plexica.events.infra.KafkaSettings;
import io.plexica.events.infra.MpEventMetrics;
import io.plexica.plugins.app.PluginCallGuard;
import io.plexica.plugins.app.PluginDeployment;
import io.plexica.plugins.app.PluginLibraries;
import io.plexica.plugins.app.PluginRuntime;
import io.plexica.plugins.domain.PluginStore;
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
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Starts the delivery of events to plugins' handlers and, unless plugins are off (safe mode), the
 * following of registry changes made by other replicas, once the core schema (with the dead-letter
 * and handled-event tables) is migrated.
 */
@ApplicationScoped
public class PluginEventsAtStartup {
  @Inject Database database;
  @Inject SchemaUpgrade schema;
  @Inject PluginRuntime runtime;
  @Inject PluginStore store;
  @Inject TenantRepository tenants;
  @Inject PluginCallGuard guard;
  @Inject PluginDeployment deployment;
  @Inject PluginLibraries libraries;
  @Inject PluginsAtStartup plugins;
  @Inject MetricRegistry registry;
  @Inject KafkaSettings kafka;
  @Inject Clock clock;
  @Resource private ManagedExecutorService executor;

  private volatile PluginEventDispatcher dispatcher;
  private volatile PluginRegistryFollower follower;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    schema.afterCore("Plugin event delivery", executor, this::startDelivery);
  }

  private void startDelivery() {
    MpEventMetrics metrics = new MpEventMetrics(registry);
    dispatcher =
        new PluginEventDispatcher(
                kafka,
                database.dataSource(),
                runtime,
                store,
                tenants,
                guard,
                metrics,
                new Breakers(5, Duration.ofSeconds(30), clock))
            .start();
    if (!plugins.safeMode()) {
      follower =
          new PluginRegistryFollower(kafka, deployment, libraries, Duration.ofMinutes(5)).start();
    }
    metrics.gauges(
        dispatcher,
        PluginEventDispatcher::pendingDeadLetters,
        PluginEventDispatcher::activeSubscriptions);
  }

  /** The delivery to plugins, once started. */
  public Optional<PluginEventDispatcher> dispatcher() {
    return Optional.ofNullable(dispatcher);
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
  }
}
