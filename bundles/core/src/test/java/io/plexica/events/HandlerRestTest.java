package io.plexica.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.plexica.events.app.EventMetrics;
import io.plexica.events.infra.HandlerBreakers;
import io.plexica.events.infra.KafkaSettings;
import io.plexica.events.infra.OutboxRelay;
import io.plexica.events.infra.PluginEventDispatcher;
import io.plexica.plugins.app.PluginCallGuard;
import io.plexica.shared.events.DomainEvent;
import io.plexica.shared.persistence.EventOutbox;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.testing.PluginStubs;
import io.plexica.testing.TestPlatform;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A handler that keeps failing is no longer called: after five failures in a row it rests, the
 * events that arrive meanwhile wait in the dead-letter table, and the dispatcher reports it (as
 * {@code /health/ready} does). Against the test run's PostgreSQL and Kafka.
 */
class HandlerRestTest {

  @Test
  void aHandlerThatKeepsFailingRestsAndIsReported() throws Exception {
    TestPlatform platform = TestPlatform.create();
    TenantRef tenant = platform.activeTenant("rest");
    String topic = "core.rest" + UUID.randomUUID().toString().substring(0, 6) + ".happened";
    AtomicInteger calls = new AtomicInteger();
    ExecutorService executor = Executors.newCachedThreadPool();
    KafkaSettings kafka = new KafkaSettings(TestPlatform.kafkaBootstrapServers());
    try (OutboxRelay relay =
            new OutboxRelay(
                    TestPlatform.database().dataSource(),
                    kafka,
                    Duration.ofMillis(10),
                    EventMetrics.NONE)
                .start();
        PluginEventDispatcher dispatcher =
            new PluginEventDispatcher(
                    kafka,
                    TestPlatform.database().dataSource(),
                    PluginStubs.runtimeWith(
                        topic,
                        (event, context) -> {
                          calls.incrementAndGet();
                          throw new IllegalStateException("always");
                        }),
                    PluginStubs.installedIn(tenant),
                    platform.tenants,
                    new PluginCallGuard(
                        executor,
                        Duration.ofSeconds(5),
                        100,
                        Duration.ofSeconds(30),
                        Clock.systemUTC()),
                    EventMetrics.NONE,
                    new HandlerBreakers(5, Duration.ofSeconds(60), Clock.systemUTC()))
                .start()) {
      for (int i = 0; i < 8; i++) {
        try (Connection connection = TestPlatform.database().dataSource().getConnection()) {
          EventOutbox.append(
              connection, DomainEvent.of(topic, tenant.id(), Map.of("n", i)), "core");
        }
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (dispatcher.restingHandlers().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(dispatcher.restingHandlers())
          .containsExactly(PluginStubs.PLUGIN + "/" + PluginStubs.HANDLER);
      Thread.sleep(3000);
      assertThat(calls.get()).as("not called while it rests").isEqualTo(5);
      assertThat(relay.relayed()).isGreaterThanOrEqualTo(0);
      List<String> waiting =
          TestPlatform.strings(
              "SELECT status FROM plexica_core.dead_letter WHERE plugin_id = 'stub' AND topic = ?",
              topic);
      assertThat(waiting).hasSize(8).containsOnly("RETRYING");
    } finally {
      executor.shutdownNow();
    }
  }
}
