package io.plexica.testing;

import io.plexica.events.app.EventMetrics;
import io.plexica.events.infra.KafkaSettings;
import io.plexica.events.infra.OutboxRelay;
import io.plexica.plugins.app.PluginCallGuard;
import io.plexica.plugins.infra.PluginEventDispatcher;
import io.plexica.sdk.event.EventHandler;
import io.plexica.shared.resilience.Breakers;
import io.plexica.tenancy.domain.TenantRef;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The real event path (outbox relay, Kafka of the test run, dispatcher, call guard, handler
 * breakers) delivering one topic to the handler of {@link PluginStubs}' plugin in one tenant.
 */
public final class StubEventPath implements AutoCloseable {
  private final ExecutorService executor = Executors.newCachedThreadPool();
  public final OutboxRelay relay;
  public final PluginEventDispatcher dispatcher;

  public StubEventPath(
      TestPlatform platform, TenantRef tenant, String topic, EventHandler handler) {
    KafkaSettings kafka = new KafkaSettings(TestPlatform.kafkaBootstrapServers());
    relay = TestPlatform.startRelay(TestPlatform.kafkaBootstrapServers());
    dispatcher =
        new PluginEventDispatcher(
                kafka,
                TestPlatform.database().dataSource(),
                PluginStubs.runtimeWith(topic, handler),
                PluginStubs.installedIn(tenant),
                platform.tenants,
                // The plugin-level breaker out of the way: the handler's own is under test.
                new PluginCallGuard(
                    executor,
                    Duration.ofSeconds(5),
                    1000,
                    Duration.ofSeconds(30),
                    Clock.systemUTC()),
                EventMetrics.NONE,
                new Breakers(5, Duration.ofSeconds(60), Clock.systemUTC()))
            .start();
  }

  @Override
  public void close() {
    dispatcher.close();
    relay.close();
    executor.shutdownNow();
  }
}
