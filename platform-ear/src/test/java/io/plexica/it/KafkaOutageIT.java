package io.plexica.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Kafka goes away (its process is paused) while changes keep being made: the platform keeps
 * answering, the events wait in the outbox, and once Kafka is back every one of them arrives and is
 * handled exactly once by the plugin that counts them. Needs the Kafka that {@code bin/plexica
 * test} starts (its pid file); skipped against an external cluster.
 */
class KafkaOutageIT {
  private static final int WORKSPACES = 5;

  @Test
  void eventsWrittenWhileKafkaIsDownArriveOnceWhenItIsBack() throws Exception {
    Path pidFile = Path.of(System.getProperty("plexica.kafka.pid-file", "none"));
    assumeTrue(Files.exists(pidFile), "Kafka is not one this test run started");
    String pid = Files.readString(pidFile, StandardCharsets.UTF_8).strip();
    int deployed =
        Platform.api()
            .contentType("application/java-archive")
            .body(Files.readAllBytes(Path.of("target/test-bundles/analytics.jar")))
            .post("/admin/plugins")
            .statusCode();
    assertThat(deployed).isIn(201, 409);
    String slug = Platform.uniqueSlug("outage");
    String tenantId = Platform.createActiveTenant(slug).path("id");
    Platform.asTenantAdmin(slug)
        .body("{\"pluginId\":\"analytics\",\"version\":\"1.0.0\",\"config\":{\"label\":\"O\"}}")
        .post("/plugin-installations")
        .then()
        .statusCode(201);

    signal("STOP", pid);
    try {
      for (int i = 0; i < WORKSPACES; i++) {
        Platform.asTenantAdmin(slug)
            .body(Map.of("slug", "during-" + i, "name", "During " + i))
            .post("/workspaces")
            .then()
            .statusCode(201);
      }
      Platform.sleep(6000);
      Map<String, Object> events =
          Platform.api().get("/admin/health").path("checks.find { it.name == 'events' }.data");
      assertThat(((Number) events.get("outboxBacklog")).longValue())
          .as("events wait while Kafka is away: %s", events)
          .isGreaterThanOrEqualTo(WORKSPACES);
    } finally {
      signal("CONT", pid);
    }

    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    int counted = 0;
    while (System.nanoTime() < deadline && counted < WORKSPACES) {
      counted =
          Platform.asTenantAdmin(slug).get("/plugins/analytics/summary").path("workspacesCreated");
      Platform.sleep(500);
    }
    assertThat(counted).isEqualTo(WORKSPACES);
    List<Map<String, Object>> delivered =
        EventsIT.consume(tenantId, List.of("core.workspace.created"), WORKSPACES + 1);
    Set<Object> ids = delivered.stream().map(e -> e.get("id")).collect(Collectors.toSet());
    assertThat(ids).as("every event arrived (the default workspace's too)").hasSize(WORKSPACES + 1);
    Platform.sleep(3000);
    assertThat(
            Platform.asTenantAdmin(slug)
                .get("/plugins/analytics/summary")
                .<Integer>path("workspacesCreated"))
        .as("handled once, whatever was sent twice")
        .isEqualTo(WORKSPACES);
  }

  private static void signal(String signal, String pid) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + signal, pid).inheritIO().start();
    assertThat(kill.waitFor()).as("kill -%s %s", signal, pid).isZero();
  }
}
