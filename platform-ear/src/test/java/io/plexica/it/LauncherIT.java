package io.plexica.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.plexica.testing.Await;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ports stay below 32768: above it the kernel hands out ports for outgoing connections, and one of
 * the suite's own connections could hold a listener's port at the wrong moment.
 *
 * <p>The README's run command, as a newcomer uses it: {@code bin/plexica up} brings the platform to
 * ready, a tenant created then survives {@code down} and {@code up} again. It runs with a data
 * folder and ports of its own, beside the server the other integration tests use.
 */
class LauncherIT {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path HOME = Path.of("target/launcher-home").toAbsolutePath();
  private static final int HTTP_PORT = 9280;
  private static final int DB_PORT = 15532;
  private static final int KEYCLOAK_PORT = 18180;
  private static final String BASE = "http://127.0.0.1:" + HTTP_PORT;

  @Test
  void upCreateDownUpKeepsTheTenant() throws Exception {
    String up = plexica("up");
    assertThat(up).contains("Plexica is up", "http://localhost:" + HTTP_PORT + "/api/v1/tenants");
    assertThat(plexica("status"))
        .contains(
            "postgres  running", "redis     running", "keycloak  running", "liberty   running")
        .contains("ready=UP");
    given()
        .baseUri("http://127.0.0.1:" + KEYCLOAK_PORT)
        .get("/realms/master/.well-known/openid-configuration")
        .then()
        .statusCode(200);

    assertThat(plexica("token").strip())
        .as("super-admin token")
        .matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
    String superAdmin = plexica("token").strip();
    given()
        .baseUri(BASE)
        .auth()
        .oauth2(superAdmin)
        .contentType(ContentType.JSON)
        .body("{\"slug\":\"acme\",\"name\":\"Acme\",\"adminEmail\":\"ada@acme.example\"}")
        .post("/api/v1/tenants")
        .then()
        .statusCode(202);
    awaitActive(superAdmin);

    assertThat(plexica("down")).contains("Plexica is down");
    assertThat(plexica("status"))
        .contains(
            "postgres  stopped", "redis     stopped", "keycloak  stopped", "liberty   stopped");
    plexica("up");

    Response acme =
        given().baseUri(BASE).auth().oauth2(plexica("token").strip()).get("/api/v1/tenants/acme");
    assertThat(acme.<String>path("status")).isEqualTo("ACTIVE");
    assertThat(acme.<String>path("schema")).isEqualTo("tenant_acme");
    String tenantAdmin = plexica("token", "--tenant", "acme", "--user", "ada@acme.example").strip();
    given()
        .baseUri(BASE)
        .auth()
        .oauth2(tenantAdmin)
        .get("/api/v1/workspaces")
        .then()
        .statusCode(200);
  }

  @Test
  void everyCommandExplainsItself() throws Exception {
    for (String command :
        new String[] {"up", "down", "status", "test", "bench", "build", "token"}) {
      assertThat(plexica(command, "--help")).startsWith("Usage: bin/plexica " + command);
    }
    assertThat(plexica("help")).contains("up", "down", "status", "test");
  }

  /** Starts from no data, as a fresh clone would; the unpacked PostgreSQL is kept between runs. */
  @BeforeAll
  static void startFromScratch() throws Exception {
    plexica("down");
    deleteRecursively(HOME.resolve("dev"));
  }

  @AfterAll
  static void stopEverything() throws Exception {
    plexica("down");
  }

  private static void deleteRecursively(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static void awaitActive(String token) {
    Await.until(
        () ->
            "ACTIVE"
                .equals(
                    given()
                        .baseUri(BASE)
                        .auth()
                        .oauth2(token)
                        .get("/api/v1/tenants/acme")
                        .path("status")),
        "acme to become ACTIVE",
        Duration.ofSeconds(60),
        Duration.ofMillis(100));
  }

  /** Runs bin/plexica with a clean environment of its own; fails on a non-zero exit. */
  private static String plexica(String... args) throws IOException, InterruptedException {
    String[] command = new String[args.length + 1];
    command[0] = ROOT.resolve("bin/plexica").toString();
    System.arraycopy(args, 0, command, 1, args.length);
    Path output = Files.createTempFile("plexica", ".out");
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
    builder.redirectOutput(output.toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("PLEXICA_"));
    env.put("PLEXICA_HOME", HOME.toString());
    env.put("PLEXICA_HTTP_PORT", String.valueOf(HTTP_PORT));
    env.put("PLEXICA_HTTPS_PORT", "9643");
    env.put("PLEXICA_DB_PORT", String.valueOf(DB_PORT));
    env.put("PLEXICA_DB2_PORT", String.valueOf(DB_PORT + 1));
    env.put("PLEXICA_KEYCLOAK_PORT", String.valueOf(KEYCLOAK_PORT));
    env.put("PLEXICA_KEYCLOAK_MANAGEMENT_PORT", "19100");
    env.put("PLEXICA_REDIS_PORT", "16479");
    env.put("PLEXICA_S3_PORT", "18433");
    env.put("PLEXICA_KAFKA_PORT", "19492");
    env.put("PLEXICA_MAIL_PORT", "13125");
    env.put("PLEXICA_MAIL_API_PORT", "18125");
    Process process = builder.start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("bin/plexica " + String.join(" ", args) + " timed out");
    }
    String text = Files.readString(output, StandardCharsets.UTF_8);
    Files.delete(output);
    assertThat(process.exitValue())
        .as("bin/plexica %s:%n%s", String.join(" ", args), text)
        .isZero();
    return text;
  }
}
