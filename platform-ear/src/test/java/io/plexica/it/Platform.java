package io.plexica.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.plexica.testing.Await;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the black-box tests know of the running platform: its URL and its database. */
final class Platform {
  static final String BASE_URL = System.getProperty("plexica.base.url", "http://127.0.0.1:9180");
  static final String KEYCLOAK_URL =
      System.getProperty("plexica.keycloak.url", "http://127.0.0.1:28080");

  /** Dev mode gives every administrator this password (see KeycloakSettings). */
  static final String DEV_PASSWORD = "admin";

  private static String superAdminToken;
  private static Instant superAdminTokenAt = Instant.EPOCH;

  private Platform() {}

  /** The API as a platform administrator. */
  static RequestSpecification api() {
    return anonymous().auth().oauth2(superAdminToken());
  }

  /** The API as the first administrator of a tenant made by {@link #createActiveTenant}. */
  static RequestSpecification asTenantAdmin(String slug) {
    return anonymous().auth().oauth2(token(slug, adminOf(slug), DEV_PASSWORD));
  }

  /**
   * {@code /metrics} as an operator reads it: over HTTPS (the test server's self-signed
   * certificate) with the operator's basic credentials, which the launcher generated.
   */
  static Response metrics(boolean withCredentials) {
    RequestSpecification request =
        given()
            .baseUri("https://127.0.0.1:" + env("PLEXICA_HTTPS_PORT", "9543"))
            .relaxedHTTPSValidation();
    if (withCredentials) {
      request =
          request
              .auth()
              .preemptive()
              .basic(env("PLEXICA_METRICS_USER", "operator"), env("PLEXICA_METRICS_PASSWORD", ""));
    }
    return request.get("/metrics");
  }

  static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  static RequestSpecification anonymous() {
    return given().baseUri(BASE_URL).basePath("/api/v1").contentType(ContentType.JSON);
  }

  /** Keycloak's admin REST API as the master realm's administrator (dev credentials). */
  static RequestSpecification keycloakAdmin() {
    return given()
        .baseUri(KEYCLOAK_URL)
        .auth()
        .oauth2(token("master", "admin", "admin"))
        .contentType(ContentType.JSON);
  }

  /**
   * The super-admin's access token, fetched again once it is four minutes old: the platform realm's
   * tokens live five, and the whole suite runs longer.
   */
  static synchronized String superAdminToken() {
    if (superAdminToken == null || superAdminTokenAt.isBefore(Instant.now().minusSeconds(240))) {
      superAdminToken = token("plexica-platform", "admin", DEV_PASSWORD);
      superAdminTokenAt = Instant.now();
    }
    return superAdminToken;
  }

  static String adminOf(String slug) {
    return "admin@" + slug + ".example";
  }

  /** A token by the password grant of the dev-only client plexica-cli. */
  static String token(String realm, String user, String password) {
    Response response =
        given()
            .baseUri(KEYCLOAK_URL)
            .contentType(ContentType.URLENC)
            .formParam("grant_type", "password")
            .formParam("client_id", "master".equals(realm) ? "admin-cli" : "plexica-cli")
            .formParam("username", user)
            .formParam("password", password)
            .post("/realms/" + realm + "/protocol/openid-connect/token");
    assertThat(response.statusCode())
        .as("token for %s in %s: %s", user, realm, response.asString())
        .isEqualTo(200);
    return response.path("access_token");
  }

  /** The answer of the tenant realm's token endpoint to a client-credentials request. */
  static Response clientCredentials(String tokenEndpoint, String clientId, String secret) {
    return given()
        .contentType(ContentType.URLENC)
        .formParam("grant_type", "client_credentials")
        .formParam("client_id", clientId)
        .formParam("client_secret", secret)
        .post(tokenEndpoint);
  }

  /**
   * Creates a service account with the roles through the tenant administrator's API and returns the
   * answer (account and credentials).
   */
  static Response createServiceAccount(String slug, String name, String... roles) {
    return asTenantAdmin(slug)
        .body(Map.of("name", name, "roles", List.of(roles)))
        .post("/service-accounts")
        .then()
        .statusCode(201)
        .extract()
        .response();
  }

  /** A vendor made for a test: its id, its account's address and a token of the account. */
  record Vendor(String id, String email, String token) {}

  /**
   * Makes a vendor through the platform administrator's API and, as its owner does from the mailed
   * link, sets the account's password and signs in.
   */
  static Vendor newVendor(String prefix) {
    String id = uniqueSlug(prefix);
    String email = id + "@vendors.example";
    Response made =
        api()
            .body(Map.of("id", id, "name", "Vendor " + prefix, "email", email))
            .post("/admin/vendors");
    assertThat(made.statusCode()).as(made.asString()).isEqualTo(201);
    return new Vendor(id, email, completeInvitation(PLATFORM_REALM, email, DEV_PASSWORD));
  }

  static final String PLATFORM_REALM = "plexica-platform";

  /** A token of a new service account holding the roles. */
  static String tokenOfNewServiceAccount(String slug, String name, String... roles) {
    return tokenOfServiceAccount(createServiceAccount(slug, name, roles));
  }

  /** A token of the service account whose creation answered {@code created}. */
  static String tokenOfServiceAccount(Response created) {
    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    Response token =
        clientCredentials(
            created.path("credentials.tokenEndpoint"),
            created.path("credentials.clientId"),
            created.path("credentials.clientSecret"));
    assertThat(token.statusCode()).as("token: %s", token.asString()).isEqualTo(200);
    return token.path("access_token");
  }

  /**
   * Creates a user with one realm role straight in the tenant's realm through Keycloak's admin API
   * (as if made in Keycloak's console) and returns its token; the platform mirrors it at its first
   * request.
   */
  static String tokenOfNewUser(String realm, String username, String role) {
    keycloakAdmin()
        .body(
            ("{\"username\":\"%s\",\"email\":\"%s@example.com\",\"firstName\":\"Test\","
                    + "\"lastName\":\"%s\",\"enabled\":true,\"emailVerified\":true,"
                    + "\"credentials\":[{\"type\":\"password\",\"value\":\"secret\",\"temporary\":false}]}")
                .formatted(username, username, role))
        .post("/admin/realms/" + realm + "/users")
        .then()
        .statusCode(201);
    String userId = keycloakUserId(realm, username);
    String roleRepresentation =
        keycloakAdmin().get("/admin/realms/" + realm + "/roles/" + role).asString();
    keycloakAdmin()
        .body("[" + roleRepresentation + "]")
        .post("/admin/realms/" + realm + "/users/" + userId + "/role-mappings/realm")
        .then()
        .statusCode(204);
    return token(realm, username, "secret");
  }

  static String keycloakUserId(String realm, String username) {
    return keycloakAdmin()
        .queryParam("username", username)
        .queryParam("exact", true)
        .get("/admin/realms/" + realm + "/users")
        .path("[0].id");
  }

  /**
   * What an invited user does in Keycloak's pages, done through the admin API: chooses a password
   * and confirms the address. Returns the user's token.
   */
  static String completeInvitation(String realm, String username, String password) {
    String userId = keycloakUserId(realm, username);
    keycloakAdmin()
        .body("{\"type\":\"password\",\"value\":\"" + password + "\",\"temporary\":false}")
        .put("/admin/realms/" + realm + "/users/" + userId + "/reset-password")
        .then()
        .statusCode(204);
    keycloakAdmin()
        .body("{\"requiredActions\":[],\"emailVerified\":true}")
        .put("/admin/realms/" + realm + "/users/" + userId)
        .then()
        .statusCode(204);
    return token(realm, username, password);
  }

  static String uniqueSlug(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * Deploys a test bundle (target/test-bundles/NAME.jar) to the registry; a version an earlier run
   * deployed already is fine.
   */
  static void deployTestBundle(String name) {
    Response deployed;
    try {
      deployed =
          api()
              .contentType("application/java-archive")
              .body(Files.readAllBytes(Path.of("target/test-bundles/" + name + ".jar")))
              .post("/admin/plugins");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(deployed.statusCode()).as(deployed.asString()).isIn(201, 409);
    if (deployed.statusCode() == 409) {
      assertThat(deployed.<String>path("type")).endsWith("/plugin-version-exists");
    }
  }

  /** Creates a tenant and waits until provisioning ends; returns the tenant as last read. */
  static Response createActiveTenant(String slug) {
    api()
        .body(
            "{\"slug\":\""
                + slug
                + "\",\"name\":\"Tenant "
                + slug
                + "\",\"adminEmail\":\"admin@"
                + slug
                + ".example\"}")
        .post("/tenants")
        .then()
        .statusCode(202);
    return awaitStatus(slug, "ACTIVE");
  }

  /**
   * Creates a tenant whose people live in an organization of a shared realm and waits until it is
   * active; returns the tenant as last read (its {@code placement.realm} is the shared realm).
   */
  static Response createActiveOrganizationTenant(String slug) {
    api()
        .body(
            ("{\"slug\":\"%s\",\"name\":\"Tenant %s\",\"adminEmail\":\"%s\","
                    + "\"identityHome\":\"ORGANIZATION\"}")
                .formatted(slug, slug, adminOf(slug)))
        .post("/tenants")
        .then()
        .statusCode(202);
    return awaitStatus(slug, "ACTIVE");
  }

  /**
   * The answer of a shared realm's token endpoint to the password grant of {@code plexica-cli},
   * asking for {@code scope} (none when null): {@code openid organization:<slug>} signs in to one
   * organization.
   */
  static Response tokenResponse(String realm, String user, String password, String scope) {
    RequestSpecification request =
        given()
            .baseUri(KEYCLOAK_URL)
            .contentType(ContentType.URLENC)
            .formParam("grant_type", "password")
            .formParam("client_id", "plexica-cli")
            .formParam("username", user)
            .formParam("password", password);
    if (scope != null) {
      request.formParam("scope", scope);
    }
    return request.post("/realms/" + realm + "/protocol/openid-connect/token");
  }

  /** A token of a shared realm that speaks for the organization of tenant {@code slug}. */
  static String tokenInOrganization(String realm, String slug, String user, String password) {
    Response token = tokenResponse(realm, user, password, "openid organization:" + slug);
    assertThat(token.statusCode())
        .as("token for %s in organization %s: %s", user, slug, token.asString())
        .isEqualTo(200);
    return token.path("access_token");
  }

  static Response awaitStatus(String slug, String status) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    Response last;
    do {
      last = api().get("/tenants/" + slug);
      if (status.equals(last.path("status"))) {
        return last;
      }
      sleep(100);
    } while (Instant.now().isBefore(deadline));
    throw new AssertionError(
        "Tenant " + slug + " did not become " + status + ": " + last.asString());
  }

  static List<String> tablesOf(String schema) {
    return strings(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = ? ORDER BY 1",
        schema);
  }

  static boolean schemaExists(String schema) {
    return schemaExists(MAIN_CLUSTER, schema);
  }

  /** The main cluster and the second one that bin/plexica starts beside it. */
  static final String MAIN_CLUSTER = "main";

  static final String SECOND_CLUSTER = "local-2";

  static boolean schemaExists(String cluster, String schema) {
    return !strings(cluster, "SELECT nspname FROM pg_namespace WHERE nspname = ?", schema)
        .isEmpty();
  }

  static List<String> strings(String sql, String parameter) {
    return strings(MAIN_CLUSTER, sql, parameter);
  }

  static List<String> strings(String cluster, String sql, String parameter) {
    String port =
        MAIN_CLUSTER.equals(cluster)
            ? System.getProperty("plexica.db.port", "25432")
            : System.getProperty("plexica.db2.port", "25433");
    String url =
        "jdbc:postgresql://"
            + System.getProperty("plexica.db.host", "127.0.0.1")
            + ":"
            + port
            + "/"
            + System.getProperty("plexica.db.name", "plexica");
    try (Connection connection =
            DriverManager.getConnection(
                url,
                System.getProperty("plexica.db.user", "plexica"),
                System.getProperty("plexica.db.password", "plexica"));
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, parameter);
      try (ResultSet rows = statement.executeQuery()) {
        List<String> result = new ArrayList<>();
        while (rows.next()) {
          result.add(rows.getString(1));
        }
        return result;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A problem document with this status and type, and no trace of the server's internals. */
  static void assertProblem(Response response, int status, String typeSlug) {
    assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.<String>path("type")).isEqualTo("https://plexica.io/problems/" + typeSlug);
    assertThat(response.<Integer>path("status")).isEqualTo(status);
    assertThat(response.<String>path("title")).isNotBlank();
    assertThat(response.<String>path("detail")).isNotBlank();
    assertThat(response.asString()).doesNotContain("Exception", "\tat ", "org.eclipse", "java.");
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static {
    RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    awaitReady();
  }

  /**
   * The build starts Liberty and waits for the application, not for readiness: the platform realm
   * and the schema upgrade finish in the background. Every test waits for readiness first.
   */
  private static void awaitReady() {
    Await.until(
        Platform::ready,
        "the platform at " + BASE_URL + " to be ready",
        Duration.ofSeconds(120),
        Duration.ofMillis(250));
  }

  private static boolean ready() {
    try {
      return "UP".equals(given().baseUri(BASE_URL).get("/health/ready").path("status"));
    } catch (RuntimeException notListeningYet) {
      return false;
    }
  }
}
