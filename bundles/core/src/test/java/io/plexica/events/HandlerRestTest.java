package io.plexica.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.plexica.shared.events.DomainEvent;
import io.plexica.shared.persistence.EventOutbox;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.testing.PluginStubs;
import io.plexica.testing.StubEventPath;
import io.plexica.testing.TestPlatform;
import io.plexica.testing.UsesServices;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A handler that keeps failing is no longer called: after five failures in a row it rests, the
 * events that arrive meanwhile wait in the dead-letter table, and the dispatcher reports it (as
 * {@code /health/ready} does). Against the test run's PostgreSQL and Kafka.
 */
@UsesServices
class HandlerRestTest {

  @Test
  void aHandlerThatKeepsFailingRestsAndIsReported() throws Exception {
    TestPlatform platform = TestPlatform.create();
    TenantRef tenant = platform.activeTenant("rest");
    String topic = "core.rest" + UUID.randomUUID().toString().substring(0, 6) + ".happened";
    AtomicInteger calls = new AtomicInteger();
    try (StubEventPath path =
        new StubEventPath(
            platform,
            tenant,
            topic,
            (event, context) -> {
              calls.incrementAndGet();
              throw new IllegalStateException("always");
            })) {
      for (int i = 0; i < 8; i++) {
        try (Connection connection = TestPlatform.database().dataSource().getConnection()) {
          EventOutbox.append(
              connection, DomainEvent.of(topic, tenant.id(), Map.of("n", i)), "core");
        }
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (path.dispatcher.restingHandlers().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(path.dispatcher.restingHandlers())
          .containsExactly(PluginStubs.PLUGIN + "/" + PluginStubs.HANDLER);
      Thread.sleep(3000);
      assertThat(calls.get()).as("not called while it rests").isEqualTo(5);
      // Every event ends up waiting, the last ones a moment after the handler came to rest.
      String waitingSql =
          "SELECT status FROM plexica_core.dead_letter WHERE plugin_id = 'stub' AND topic = ?";
      List<String> waiting = TestPlatform.strings(waitingSql, topic);
      deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      while (waiting.size() < 8 && System.nanoTime() < deadline) {
        Thread.sleep(100);
        waiting = TestPlatform.strings(waitingSql, topic);
      }
      assertThat(waiting).hasSize(8).containsOnly("RETRYING");
    }
  }
}
