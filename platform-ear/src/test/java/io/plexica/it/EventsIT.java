package io.plexica.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plexica.testing.Await;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Changes made through the API reach Kafka as events in their envelope, keyed by tenant, through
 * the transactional outbox: tenant lifecycle, workspaces and memberships.
 */
class EventsIT {
  private static final String KAFKA =
      System.getProperty("plexica.kafka.bootstrap-servers", "127.0.0.1:29092");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void coreChangesArriveOnTheBusInTheirEnvelope() throws IOException {
    String slug = Platform.uniqueSlug("events");
    String tenantId = Platform.createActiveTenant(slug).path("id");
    RequestSpecification admin = Platform.asTenantAdmin(slug);
    String ws = admin.body(Map.of("slug", "ops", "name", "Ops")).post("/workspaces").path("id");
    String grace = Platform.tokenOfNewUser(slug, "grace-" + slug, "user");
    String graceId = Platform.anonymous().auth().oauth2(grace).get("/me").path("subject");
    admin
        .body(Map.of("userId", graceId, "role", "VIEWER"))
        .post("/workspaces/" + ws + "/members")
        .then()
        .statusCode(201);
    admin
        .body(Map.of("role", "MEMBER"))
        .patch("/workspaces/" + ws + "/members/" + graceId)
        .then()
        .statusCode(200);
    Platform.api().post("/tenants/" + slug + "/suspend").then().statusCode(200);
    Platform.api().post("/tenants/" + slug + "/activate").then().statusCode(200);

    List<Map<String, Object>> events =
        consume(
            tenantId,
            List.of(
                "core.tenant.created",
                "core.workspace.created",
                "core.member.added",
                "core.member.role_changed",
                "core.tenant.suspended",
                "core.tenant.activated"),
            9);
    // The default workspace and its first ADMIN count too: 2 workspaces, 3 memberships.
    assertThat(events)
        .extracting(e -> e.get("type"))
        .contains(
            "core.tenant.created",
            "core.workspace.created",
            "core.member.added",
            "core.member.role_changed",
            "core.tenant.suspended",
            "core.tenant.activated");
    Map<String, Object> created = only(events, "core.tenant.created");
    assertThat(created)
        .containsEntry("tenantId", tenantId)
        .containsEntry("source", "core")
        .containsEntry("schemaVersion", 1)
        .containsKeys("id", "occurredAt");
    assertThat(UUID.fromString((String) created.get("id")).version()).isEqualTo(7);
    assertThat(data(created)).containsEntry("slug", slug);
    Map<String, Object> roleChanged = only(events, "core.member.role_changed");
    assertThat(roleChanged).containsEntry("workspaceId", ws);
    assertThat(data(roleChanged))
        .containsEntry("memberId", graceId)
        .containsEntry("before", Map.of("role", "VIEWER"))
        .containsEntry("after", Map.of("role", "MEMBER"));
    assertThat(events.stream().map(e -> (String) e.get("id")).distinct()).hasSize(events.size());
  }

  @Test
  void usersAndPluginInstallationsAreAnnouncedToo() throws IOException {
    deploy("analytics.jar", "analytics-v2.jar");
    String slug = Platform.uniqueSlug("events-b");
    String tenantId = Platform.createActiveTenant(slug).path("id");
    RequestSpecification admin = Platform.asTenantAdmin(slug);
    String grace = Platform.tokenOfNewUser(slug, "grace-" + slug, "user");
    String graceId = Platform.anonymous().auth().oauth2(grace).get("/me").path("subject");
    admin
        .body("{\"roles\":[\"guest\"]}")
        .put("/users/" + graceId + "/roles")
        .then()
        .statusCode(200);
    admin
        .body("{\"pluginId\":\"analytics\",\"version\":\"1.0.0\",\"config\":{\"label\":\"x\"}}")
        .post("/plugin-installations")
        .then()
        .statusCode(201);
    admin
        .body("{\"enabled\":false}")
        .patch("/plugin-installations/analytics")
        .then()
        .statusCode(200);
    admin
        .body("{\"enabled\":true}")
        .patch("/plugin-installations/analytics")
        .then()
        .statusCode(200);
    admin
        .body("{\"version\":\"2.0.0\"}")
        .post("/plugin-installations/analytics/upgrade")
        .then()
        .statusCode(200);
    admin.delete("/plugin-installations/analytics").then().statusCode(204);

    List<String> topics =
        List.of(
            "core.user.created",
            "core.user.updated",
            "core.plugin.installed",
            "core.plugin.disabled",
            "core.plugin.enabled",
            "core.plugin.upgraded",
            "core.plugin.uninstalled");
    List<Map<String, Object>> events = consume(tenantId, topics, 8);
    assertThat(events).extracting(e -> e.get("type")).containsAll(topics);
    Map<String, Object> graceCreated =
        events.stream()
            .filter(e -> "core.user.created".equals(e.get("type")))
            .filter(e -> graceId.equals(data(e).get("userId")))
            .findFirst()
            .orElseThrow();
    assertThat(data(graceCreated)).containsEntry("roles", List.of("user"));
    assertThat(events)
        .filteredOn(e -> "core.user.updated".equals(e.get("type")))
        .filteredOn(e -> graceId.equals(data(e).get("userId")))
        .extracting(e -> data(e).get("roles"))
        .containsExactly(List.of("guest"));
    assertThat(data(only(events, "core.plugin.upgraded")))
        .containsEntry("pluginId", "analytics")
        .containsEntry("version", "2.0.0")
        .containsEntry("fromVersion", "1.0.0");
  }

  /**
   * Plugins subscribe: analytics counts workspaces from events and publishes its own, only in the
   * tenant where it is enabled; faulty's handler throws on "boom" workspaces and the event is
   * retried after 1, 2 and 4 s, then lands in the dead-letter queue and on dlq.<topic>. Step by
   * step in order, each starting where the one before left it.
   */
  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  class PluginHandlers {
    private String a;
    private String b;
    private String tenantA;
    private String tenantB;
    private String counted;
    private String boom;

    /**
     * Analytics in tenant A, faulty in A and B; a workspace in each tenant, and one that faulty
     * refuses in A.
     */
    @Test
    @Order(1)
    void subscribeAndCreateWorkspaces() throws Exception {
      deploy("analytics.jar", "faulty.jar");
      a = Platform.uniqueSlug("ev-a");
      b = Platform.uniqueSlug("ev-b");
      tenantA = Platform.createActiveTenant(a).path("id");
      tenantB = Platform.createActiveTenant(b).path("id");
      Platform.asTenantAdmin(a)
          .body("{\"pluginId\":\"analytics\",\"version\":\"1.0.0\",\"config\":{\"label\":\"A\"}}")
          .post("/plugin-installations")
          .then()
          .statusCode(201);
      for (String slug : List.of(a, b)) {
        Platform.asTenantAdmin(slug)
            .body("{\"pluginId\":\"faulty\"}")
            .post("/plugin-installations")
            .then()
            .statusCode(201);
      }
      counted =
          Platform.asTenantAdmin(a)
              .body(Map.of("slug", "plans", "name", "Plans"))
              .post("/workspaces")
              .path("id");
      Platform.asTenantAdmin(b)
          .body(Map.of("slug", "plans", "name", "Plans"))
          .post("/workspaces")
          .then()
          .statusCode(201);
      boom =
          Platform.asTenantAdmin(a)
              .body(Map.of("slug", "boom-1", "name", "Boom"))
              .post("/workspaces")
              .path("id");
    }

    @Test
    @Order(2)
    void analyticsCountsAndAnnouncesItsTenantsWorkspacesOnly() throws IOException {
      List<Map<String, Object>> announced =
          consume(tenantA, List.of("plugin.analytics.workspace_counted"), 2);
      assertThat(announced)
          .extracting(e -> data(e).get("workspaceId"))
          .containsExactlyInAnyOrder(counted, boom);
      assertThat(announced).allSatisfy(e -> assertThat(e).containsEntry("source", "analytics"));
      assertThat(
              consume(
                  tenantB, List.of("plugin.analytics.workspace_counted"), 1, Duration.ofSeconds(5)))
          .isEmpty();
      assertThat(
              Platform.asTenantAdmin(a)
                  .get("/plugins/analytics/summary")
                  .<Integer>path("workspacesCreated"))
          .isEqualTo(2);
    }

    @Test
    @Order(3)
    void faultysFailureIsRetriedAfterOneTwoAndFourSecondsThenDeadLettered() throws IOException {
      String sql =
          "SELECT status || ' ' || attempts || ' ' ||"
              + " floor(extract(epoch FROM updated_at - created_at)) FROM plexica_core.dead_letter"
              + " WHERE plugin_id = 'faulty' AND envelope LIKE ?";
      List<String> row =
          Await.latest(
              () -> Platform.strings(sql, "%" + boom + "%"),
              rows -> !rows.isEmpty() && rows.get(0).startsWith("FAILED"),
              Duration.ofSeconds(30),
              Duration.ofMillis(250));
      assertThat(row).singleElement().asString().startsWith("FAILED 4 ");
      assertThat(Long.parseLong(row.get(0).split(" ")[2])).isGreaterThanOrEqualTo(6);
      assertThat(consume(tenantA, List.of("dlq.core.workspace.created"), 1))
          .singleElement()
          .satisfies(e -> assertThat(e).containsEntry("workspaceId", boom));
      // The workspace that did not blow up was handled once, not dead-lettered.
      assertThat(Platform.strings(sql, "%" + counted + "%")).isEmpty();
    }

    /** The tenant's administrator finds it, fixes the handler (its configuration) and retries. */
    @Test
    @Order(4)
    void theAdministratorFindsTheDeadLetterFixesTheHandlerAndRetries() {
      List<Map<String, Object>> failed =
          Platform.asTenantAdmin(a)
              .queryParam("plugin", "faulty")
              .queryParam("status", "FAILED")
              .get("/dead-letters")
              .path("items");
      assertThat(failed)
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d)
                    .containsEntry("topic", "core.workspace.created")
                    .containsEntry("attempts", 4);
                assertThat((String) d.get("lastError")).contains("faulty refuses workspace boom-1");
              });
      String letter = (String) failed.get(0).get("id");
      assertThat(
              Platform.asTenantAdmin(a)
                  .get("/dead-letters/" + letter)
                  .<String>path("event.workspaceId"))
          .isEqualTo(boom);
      assertThat(Platform.asTenantAdmin(b).get("/dead-letters/" + letter).statusCode())
          .as("another tenant's dead letter")
          .isEqualTo(404);
      assertThat(
              Platform.api()
                  .queryParam("tenant", tenantA)
                  .get("/admin/dead-letters")
                  .<List<String>>path("items.id"))
          .contains(letter);
      Platform.asTenantAdmin(a)
          .contentType("application/merge-patch+json")
          .body("{\"config\":{\"failOnSlugPrefix\":\"never\"}}")
          .patch("/plugin-installations/faulty")
          .then()
          .statusCode(200);
      List<String> retried =
          Platform.asTenantAdmin(a)
              .body(Map.of("ids", List.of(letter)))
              .post("/dead-letters/retry")
              .path("status");
      assertThat(retried).containsExactly("PENDING");
      // The failures opened faulty's breaker (30 s of rest); the retry waits for it to close.
      String state =
          Await.latest(
              () -> Platform.asTenantAdmin(a).get("/dead-letters/" + letter).<String>path("status"),
              "RESOLVED"::equals,
              Duration.ofSeconds(60),
              Duration.ofMillis(200));
      assertThat(state)
          .as(Platform.asTenantAdmin(a).get("/dead-letters/" + letter).asString())
          .isEqualTo("RESOLVED");
      Platform.asTenantAdmin(a).delete("/dead-letters/" + letter).then().statusCode(204);
    }

    @Test
    @Order(5)
    void whatHappenedIsCountedByTopicAndPluginNeverByTenant() {
      String metrics = Platform.metrics(true).asString();
      assertThat(metrics)
          .containsPattern("plexica_events_published_total\\{[^}]*topic=\"core.workspace.created\"")
          .containsPattern("plexica_events_consumed_total\\{[^}]*plugin=\"analytics\"")
          .containsPattern("plexica_events_failed_total\\{[^}]*plugin=\"faulty\"")
          .containsPattern("plexica_events_dead_lettered_total\\{[^}]*plugin=\"faulty\"")
          .contains("plexica_events_publish_duration_seconds", "plexica_events_consume_duration")
          .contains("plexica_events_dead_letters_pending", "plexica_events_subscriptions_active")
          .doesNotContain(tenantA);
    }
  }

  /** Deploys sample bundles; 409: an earlier test deployed the same version. */
  private static void deploy(String... bundles) throws IOException {
    for (String bundle : bundles) {
      int status =
          Platform.api()
              .contentType("application/java-archive")
              .body(Files.readAllBytes(Path.of("target/test-bundles/" + bundle)))
              .post("/admin/plugins")
              .statusCode();
      assertThat(status).isIn(201, 409);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> data(Map<String, Object> event) {
    return (Map<String, Object>) event.get("data");
  }

  private static Map<String, Object> only(List<Map<String, Object>> events, String type) {
    List<Map<String, Object>> matching =
        events.stream().filter(e -> type.equals(e.get("type"))).toList();
    assertThat(matching).as(type).hasSize(1);
    return matching.get(0);
  }

  /** This tenant's events on the topics, read from the start, until {@code expected} arrived. */
  static List<Map<String, Object>> consume(String tenantId, List<String> topics, int expected)
      throws IOException {
    return consume(tenantId, topics, expected, Duration.ofSeconds(45));
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> consume(
      String tenantId, List<String> topics, int expected, Duration within) throws IOException {
    Properties properties = new Properties();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
    properties.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    properties.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 1000);
    List<Map<String, Object>> events = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(topics);
      long deadline = System.nanoTime() + within.toNanos();
      while (events.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(250))) {
          if (tenantId.equals(record.key())) {
            events.add(JSON.readValue(record.value(), Map.class));
          }
        }
      }
    }
    return events;
  }
}
