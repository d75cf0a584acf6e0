package io.plexica.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.plexica.events.infra.OutboxRelay;
import io.plexica.shared.events.DomainEvent;
import io.plexica.shared.persistence.EventOutbox;
import io.plexica.testing.Await;
import io.plexica.testing.BulkEvents;
import io.plexica.testing.TestPlatform;
import io.plexica.testing.UsesServices;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * The outbox against the real PostgreSQL and Kafka of the test run: events written while Kafka is
 * unreachable stay in the outbox, and all arrive, in order and in their envelope, once a relay
 * reaches Kafka. (Runs where no platform relays the same database: the test run's server starts
 * after the unit and service tests.)
 */
@UsesServices
class OutboxRelayTest {
  private static final int EVENTS = 20;

  @Test
  void eventsWaitWhileKafkaIsDownAndAllArriveInOrderWhenItIsBack() throws Exception {
    String topic =
        "core.relaytest"
            + UUID.randomUUID().toString().replace("-", "").substring(0, 8)
            + ".created";
    UUID tenant = UUID.randomUUID();
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < EVENTS; i++) {
      int n = i;
      ids.add(
          TestPlatform.database()
              .inCore(
                  em ->
                      EventOutbox.append(
                          em, DomainEvent.of(topic, tenant, Map.of("n", n)), Instant.now())));
    }

    try (OutboxRelay down = TestPlatform.startRelay("127.0.0.1:1")) {
      Await.until(() -> down.lastError() != null, "the relay failing", Duration.ofSeconds(20));
      assertThat(down.leader()).isTrue();
      assertThat(down.relayed()).isZero();
      assertThat(waiting(ids)).isEqualTo(EVENTS);
    }

    try (OutboxRelay up = TestPlatform.startRelay(TestPlatform.kafkaBootstrapServers())) {
      List<JsonObject> received = consume(topic, EVENTS, Duration.ofSeconds(30));
      assertThat(received)
          .extracting(e -> e.getString("id"))
          .containsExactlyElementsOf(ids.stream().map(UUID::toString).toList());
      assertThat(received)
          .extracting(e -> e.getJsonObject("data").getInt("n"))
          .containsExactlyElementsOf(java.util.stream.IntStream.range(0, EVENTS).boxed().toList());
      JsonObject first = received.get(0);
      assertThat(first.getString("type")).isEqualTo(topic);
      assertThat(first.getString("tenantId")).isEqualTo(tenant.toString());
      assertThat(first.isNull("workspaceId")).isTrue();
      assertThat(first.getString("source")).isEqualTo("core");
      assertThat(first.getInt("schemaVersion")).isEqualTo(1);
      assertThat(Instant.parse(first.getString("occurredAt"))).isBefore(Instant.now());
      Await.until(() -> waiting(ids) == 0, "the outbox relayed", Duration.ofSeconds(10));
      assertThat(up.relayed()).isGreaterThanOrEqualTo(EVENTS);
    }
  }

  /**
   * During a backlog the relay reads on from the last row it sent; an event whose transaction took
   * a lower seq and committed while the relay was past it must still be sent once it caught up.
   */
  @Test
  void anEventCommittedLateBehindTheRelayIsStillSent() throws Exception {
    String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    String lateTopic = "core.latetest" + suffix + ".created";
    String bulkTopic = "core.bulktest" + suffix + ".created";
    UUID tenant = UUID.randomUUID();
    try (Connection late = TestPlatform.database().dataSource().getConnection()) {
      late.setAutoCommit(false);
      UUID lateId = EventOutbox.append(late, DomainEvent.of(lateTopic, tenant, Map.of()), "core");
      BulkEvents.insert(tenant, bulkTopic, 5_000);
      try (OutboxRelay relay = TestPlatform.startRelay(TestPlatform.kafkaBootstrapServers())) {
        Await.until(() -> relay.relayed() >= 4_000, "4,000 events relayed", Duration.ofSeconds(30));
        late.commit();
        List<JsonObject> received = consume(lateTopic, 1, Duration.ofSeconds(30));
        assertThat(received).extracting(e -> e.getString("id")).containsExactly(lateId.toString());
        assertThat(consume(bulkTopic, 5_000, Duration.ofSeconds(30))).hasSize(5_000);
      }
    }
  }

  private static long waiting(List<UUID> ids) {
    return TestPlatform.database()
        .readCore(
            em ->
                ((Number)
                        em.createNativeQuery(
                                "SELECT count(*) FROM plexica_core.event_outbox"
                                    + " WHERE id = ANY (CAST(?1 AS uuid[]))")
                            .setParameter(
                                1,
                                "{"
                                    + String.join(",", ids.stream().map(UUID::toString).toList())
                                    + "}")
                            .getSingleResult())
                    .longValue());
  }

  static List<JsonObject> consume(String topic, int expected, Duration within) {
    Properties properties = new Properties();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestPlatform.kafkaBootstrapServers());
    properties.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<JsonObject> received = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + within.toNanos();
      while (received.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          received.add(
              Json.createReader(
                      new StringReader(new String(record.value(), StandardCharsets.UTF_8)))
                  .readObject());
        }
      }
    }
    return received;
  }
}
