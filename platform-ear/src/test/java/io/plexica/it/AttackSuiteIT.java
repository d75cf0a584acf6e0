package io.plexica.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * What an outside review broke, each as it was done (docs/security.md, "Threat model"): every test
 * here failed before its fix. Black-box, over HTTP, against the running platform and its real
 * Keycloak and Redis.
 */
class AttackSuiteIT {
  private static final String REDIS_HOST = Platform.env("PLEXICA_REDIS_HOST", "127.0.0.1");
  private static final int REDIS_PORT =
      Integer.parseInt(Platform.env("PLEXICA_REDIS_PORT", "26379"));

  private static String tenant;

  @BeforeAll
  static void tenant() {
    tenant = Platform.uniqueSlug("atk");
    Platform.createActiveTenant(tenant);
  }

  /** Item 1: a purged tenant's token is bound to that tenant, not to the name it had. */
  @Test
  void aPurgedTenantsTokenNeverReachesANewTenantWithTheSameSlug() {
    String slug = Platform.uniqueSlug("reuse");
    Platform.createActiveTenant(slug);
    String oldToken = Platform.token(slug, Platform.adminOf(slug), Platform.DEV_PASSWORD);
    // Verified once, so every cache on the way has seen it.
    Platform.anonymous().auth().oauth2(oldToken).get("/users").then().statusCode(200);
    String oldSubject =
        Platform.anonymous().auth().oauth2(oldToken).get("/me").then().extract().path("subject");

    Platform.api().delete("/tenants/" + slug + "?purge=true").then().statusCode(204);
    Platform.createActiveTenant(slug);

    Response reused = Platform.anonymous().auth().oauth2(oldToken).get("/users");
    Platform.assertProblem(reused, 401, "invalid-token");
    Platform.assertProblem(
        Platform.anonymous().auth().oauth2(oldToken).get("/me"), 401, "invalid-token");
    List<String> users =
        Platform.asTenantAdmin(slug).get("/users").then().extract().path("items.id");
    assertThat(users).as("the old token's user is not mirrored").doesNotContain(oldSubject);
  }

  /** Item 1, the other half: a tenant realm's token without the tenant's id names no tenant. */
  @Test
  void aTenantTokenWithoutTheTenantIdIsRefused() {
    String clientId =
        Platform.keycloakAdmin()
            .queryParam("clientId", "plexica-cli")
            .get("/admin/realms/" + tenant + "/clients")
            .path("[0].id");
    String mapperId =
        Platform.keycloakAdmin()
            .get("/admin/realms/" + tenant + "/clients/" + clientId + "/protocol-mappers/models")
            .path("find { it.name == 'plexica-tenant-id' }.id");
    Platform.keycloakAdmin()
        .delete(
            "/admin/realms/"
                + tenant
                + "/clients/"
                + clientId
                + "/protocol-mappers/models/"
                + mapperId)
        .then()
        .statusCode(204);
    try {
      String unbound = Platform.token(tenant, Platform.adminOf(tenant), Platform.DEV_PASSWORD);
      Platform.assertProblem(
          Platform.anonymous().auth().oauth2(unbound).get("/users"), 401, "invalid-token");
    } finally {
      Platform.keycloakAdmin()
          .body(
              Map.of(
                  "name", "plexica-tenant-id",
                  "protocol", "openid-connect",
                  "protocolMapper", "oidc-hardcoded-claim-mapper",
                  "config",
                      Map.of(
                          "claim.name", "plexica_tenant_id",
                          "claim.value",
                              Platform.api().get("/tenants/" + tenant).path("id").toString(),
                          "jsonType.label", "String",
                          "access.token.claim", "true")))
          .post("/admin/realms/" + tenant + "/clients/" + clientId + "/protocol-mappers/models")
          .then()
          .statusCode(201);
    }
    Platform.asTenantAdmin(tenant).get("/users").then().statusCode(200);
  }

  /** Item 2: a slug shaped like another tenant's id would be read as that id. */
  @Test
  void aSlugShapedLikeATenantIdIsRefused() {
    String victimId = Platform.api().get("/tenants/" + tenant).path("id");
    String uuidShaped = "a" + victimId.substring(1);

    for (String slug : new String[] {victimId, uuidShaped}) {
      Response created =
          Platform.api()
              .body(Map.of("slug", slug, "name", "Shadow", "adminEmail", "x@shadow.example"))
              .post("/tenants");
      Platform.assertProblem(created, 400, "validation-failed");
      assertThat(created.<String>path("errors[0].field")).isEqualTo("slug");
    }
    assertThat(Platform.api().get("/tenants/" + tenant).<String>path("status")).isEqualTo("ACTIVE");
  }

  /** Item 3: Redis takes no anonymous client. */
  @Test
  void redisRefusesAClientWithoutCredentials() {
    try (Jedis anonymous = new Jedis(REDIS_HOST, REDIS_PORT)) {
      assertThat(catchRedis(() -> anonymous.get("plexica:anything")))
          .as("an anonymous client is refused")
          .containsAnyOf("NOAUTH", "NOPERM", "WRONGPASS");
    }
  }

  /**
   * Item 3: someone who can write to Redis plants a "verified" platform-administrator token, and
   * grants to a guest: neither is taken.
   */
  @Test
  void entriesPlantedInRedisGrantNothing() throws Exception {
    String forged = "eyJhbGciOiJub25lIn0.forged." + System.nanoTime();
    String claims =
        "{\"sub\":\"00000000-0000-0000-0000-000000000001\",\"preferred_username\":\"mallory\","
            + "\"exp\":"
            + (System.currentTimeMillis() / 1000 + 600)
            + ",\"realm_access\":{\"roles\":[\"platform-admin\"]}}";
    // Planted before the guest's first request, so nothing genuine is cached for it yet.
    String guestName = "guest-" + System.nanoTime();
    String guestToken = Platform.tokenOfNewUser(tenant, guestName, "guest");
    String guestId = Platform.keycloakUserId(tenant, guestName);
    String tenantId = Platform.api().get("/tenants/" + tenant).path("id");
    try (Jedis redis = authenticated()) {
      redis.setex("plexica:token:v1:" + sha256(forged), 600, "plexica-platform\n" + claims);
      redis.setex(
          "plexica:access:v1:" + tenantId + ":" + guestId,
          600,
          "0\n1\nadmin\nroles:manage,users:manage,audit:read\nplanted");
      redis.set("plexica:access:v1:" + tenantId + ":gen", "0");
    }

    Platform.assertProblem(
        Platform.anonymous().auth().oauth2(forged).get("/tenants"), 401, "invalid-token");
    Response audit = Platform.anonymous().auth().oauth2(guestToken).get("/audit");
    Platform.assertProblem(audit, 403, "permission-denied");
  }

  /** Item 7: an address the user could change without proving it does not take an invitation. */
  @Test
  void anInvitationNeedsAVerifiedAddress() throws Exception {
    String name = "mallory-" + System.nanoTime();
    Platform.tokenOfNewUser(tenant, name, "user");
    // As after changing the address in Keycloak's account console, without proving it.
    Platform.keycloakAdmin()
        .body(Map.of("emailVerified", false))
        .put("/admin/realms/" + tenant + "/users/" + Platform.keycloakUserId(tenant, name))
        .then()
        .statusCode(204);
    String mallory = Platform.token(tenant, name, "secret");
    String workspace =
        Platform.asTenantAdmin(tenant)
            .body(Map.of("slug", "inv-" + System.nanoTime(), "name", "Invited"))
            .post("/workspaces")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Platform.asTenantAdmin(tenant)
        .body(Map.of("email", name + "@example.com", "role", "ADMIN"))
        .post("/workspaces/" + workspace + "/invitations")
        .then()
        .statusCode(201);
    String invitation = Mailbox.invitationToken(name + "@example.com", tenant, 1);

    Response accepted =
        Platform.anonymous()
            .auth()
            .oauth2(mallory)
            .body(Map.of("token", invitation))
            .post("/workspace-invitations/accept");

    Platform.assertProblem(accepted, 403, "invitation-other-recipient");
    Platform.assertProblem(
        Platform.anonymous().auth().oauth2(mallory).get("/workspaces/" + workspace),
        404,
        "workspace-not-found");
  }

  /** Item 8: deleting a role withdraws what it grants, so it needs those permissions. */
  @Test
  void nobodyDeletesARoleGrantingMoreThanItHolds() {
    String manager = "rolemgr" + System.nanoTime() % 100000;
    String auditors = "auditors" + System.nanoTime() % 100000;
    Platform.asTenantAdmin(tenant)
        .body(Map.of("name", manager, "permissions", List.of("roles:manage", "tenant:read")))
        .post("/roles")
        .then()
        .statusCode(201);
    Platform.asTenantAdmin(tenant)
        .body(Map.of("name", auditors, "permissions", List.of("audit:read")))
        .post("/roles")
        .then()
        .statusCode(201);
    String managerToken = Platform.tokenOfNewUser(tenant, "m" + System.nanoTime(), manager);

    Platform.assertProblem(
        Platform.anonymous().auth().oauth2(managerToken).delete("/roles/" + auditors),
        403,
        "permission-denied");
    Platform.assertProblem(
        Platform.anonymous()
            .auth()
            .oauth2(managerToken)
            .body(Map.of("permissions", List.of()))
            .patch("/roles/" + auditors),
        403,
        "permission-denied");
    assertThat(
            Platform.asTenantAdmin(tenant)
                .get("/roles/" + auditors)
                .<List<String>>path("permissions"))
        .containsExactly("audit:read");
  }

  /** Item 10: inputs that answered 500 now get a 4xx problem and change nothing. */
  @Test
  void hostileValuesGetAProblemNeverA500() throws Exception {
    var admin =
        (java.util.function.Supplier<io.restassured.specification.RequestSpecification>)
            () -> Platform.asTenantAdmin(tenant);
    String nul = "a\u0000b";
    Platform.assertProblem(
        admin.get().queryParam("q", nul).get("/users"), 400, "malformed-request");
    Platform.assertProblem(
        Platform.anonymous().queryParam("tenant", nul).get("/web-config"),
        400,
        "malformed-request");
    Platform.assertProblem(
        admin.get().queryParam("topic", nul).get("/dead-letters"), 400, "malformed-request");
    Platform.assertProblem(
        admin
            .get()
            .contentType("application/merge-patch+json")
            .body("{\"settings\":{\"motto\":\"x\\u0000y\"}}")
            .patch("/tenant"),
        400,
        "malformed-request");
    Platform.assertProblem(
        admin.get().queryParam("page", "2147483647").queryParam("size", "100").get("/users"),
        400,
        "validation-failed");
    Platform.assertProblem(
        admin.get().queryParam("from", "+999999999-12-31T23:59:59Z").get("/audit"),
        400,
        "validation-failed");
    // Sent raw: REST Assured's failure log would pretty-print 30,000 levels into gigabytes.
    String deep = "{\"settings\":" + "[".repeat(30_000) + "]".repeat(30_000) + "}";
    var tooDeep =
        raw(
            "PATCH",
            "/api/v1/tenant",
            "application/merge-patch+json",
            java.net.http.HttpRequest.BodyPublishers.ofString(deep));
    assertThat(tooDeep.statusCode()).as(tooDeep.body()).isEqualTo(400);
    assertThat(tooDeep.body()).contains("malformed-request", "deeper than 64");
    Response script =
        admin
            .get()
            .body(
                Map.of(
                    "email",
                    "bob" + System.nanoTime() + "@example.com",
                    "firstName",
                    "Bob<script>",
                    "lastName",
                    "Tables",
                    "roles",
                    List.of("user")))
            .post("/users");
    Platform.assertProblem(script, 400, "validation-failed");
    assertThat(script.asString()).doesNotContain("127.0.0.1", "localhost", "keycloak");

    // A chunked body announces no length: the limit is found while it streams.
    byte[] big = ("{\"name\":\"" + "x".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
    var response =
        raw(
            "POST",
            "/api/v1/workspaces",
            "application/json",
            java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                () -> new java.io.ByteArrayInputStream(big)));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
    assertThat(response.body()).contains("payload-too-large");
    assertThat(Platform.api().get("/tenants/" + tenant).<String>path("status")).isEqualTo("ACTIVE");
  }

  /** Moving a tenant takes only a known cluster or home: anything else is a problem, not a move. */
  @Test
  void hostileMoveTargetsGetAProblemAndMoveNothing() {
    for (String cluster :
        new String[] {"main'; DROP SCHEMA plexica_core; --", "a\u0000b", "x".repeat(500), "../x"}) {
      Response refused =
          Platform.api()
              .body(Map.of("databaseCluster", cluster))
              .post("/tenants/" + tenant + "/database-moves");
      assertThat(refused.statusCode()).as(refused.asString()).isIn(400, 409);
      assertThat(refused.contentType()).startsWith("application/problem+json");
    }
    Platform.assertProblem(
        Platform.api()
            .body(Map.of("identityHome", "ORGANIZATION\u0000"))
            .post("/tenants/" + tenant + "/identity-moves"),
        400,
        "malformed-request");
    for (String home : new String[] {"realm", "{}", "x".repeat(500)}) {
      Platform.assertProblem(
          Platform.api()
              .body(Map.of("identityHome", home))
              .post("/tenants/" + tenant + "/identity-moves"),
          400,
          "validation-failed");
    }
    Platform.assertProblem(
        Platform.asTenantAdmin(tenant)
            .body(Map.of("identityHome", "ORGANIZATION"))
            .post("/tenants/" + tenant + "/identity-moves"),
        403,
        "forbidden");
    assertThat(Platform.api().get("/tenants/" + tenant + "/identity-moves").<List<?>>path("items"))
        .isEmpty();
    assertThat(Platform.api().get("/tenants/" + tenant + "/database-moves").<List<?>>path("items"))
        .isEmpty();
  }

  /**
   * Item 5: the faulty fixture builds a context naming another tenant, or keeps one from an earlier
   * call, and hands it to the platform's data and file services: refused, naming it.
   */
  @Test
  void aPluginCannotActInAnotherTenantWithAContextItMade() throws Exception {
    String slug = PluginsIT.tenantWithFaulty("forge");
    var admin = Platform.asTenantAdmin(slug);
    String victim = Platform.api().get("/tenants/" + tenant).path("id");

    for (String what : new String[] {"data", "files"}) {
      Response forged =
          Platform.asTenantAdmin(slug)
              .queryParam("tenant", victim)
              .queryParam("what", what)
              .get("/plugins/faulty/forge");
      Platform.assertProblem(forged, 500, "plugin-context-refused");
      assertThat(forged.<String>path("detail")).contains("'faulty'");
    }
    admin.get("/plugins/faulty/keep").then().statusCode(204);
    Response reused = Platform.asTenantAdmin(slug).get("/plugins/faulty/reuse");
    Platform.assertProblem(reused, 500, "plugin-context-refused");
    assertThat(Platform.strings("SELECT name FROM plexica_core.tenant WHERE slug = ?", slug))
        .as("the refusals left the plugin's tenant as it was")
        .hasSize(1);
  }

  /**
   * Item 4 (and must-show 3): the faulty fixture's SQL slips past the platform's text check with a
   * quoted or commented schema name, or names another tenant's schema; PostgreSQL refuses it,
   * because the plugin's SQL logs in as the installation's own role. Its own table still answers.
   */
  @Test
  void aPluginsSqlReachesOnlyItsOwnTables() throws Exception {
    String slug = PluginsIT.tenantWithFaulty("peek");
    String victimSchema = "tenant_" + tenant.replace('-', '_');
    var admin = Platform.asTenantAdmin(slug);
    assertThat(admin.get("/plugins/faulty/peek").<String>path("n")).isEqualTo("0");
    for (String how : new String[] {"quoted", "comment", "other"}) {
      Response peek =
          Platform.asTenantAdmin(slug)
              .queryParam("how", how)
              .queryParam("schema", victimSchema)
              .get("/plugins/faulty/peek");
      Platform.assertProblem(peek, 500, "plugin-sql-refused");
      assertThat(peek.<String>path("detail"))
          .as(how)
          .contains("Plugin 'faulty' was refused by the database")
          .contains("permission denied for schema");
    }
  }

  /**
   * Item 4: a plugin migration that makes a view over the platform's tenants is refused by
   * PostgreSQL, naming the plugin; the installation and the view are not made.
   */
  @Test
  void aPluginMigrationCannotReachThePlatformsTables() throws Exception {
    String id = "peek" + Long.toString(System.nanoTime(), 36);
    String json =
        "{\"id\":\""
            + id
            + "\",\"version\":\"1.0.0\",\"name\":\"Peek\",\"vendor\":\"Attack suite\","
            + "\"sdk\":\"[1.0,2)\"}";
    byte[] jar =
        PluginsIT.bundle(
            "test." + id,
            null,
            json,
            Map.of(
                "META-INF/plexica/migrations/V1__peek.sql",
                "CREATE VIEW ${tenants} AS SELECT id, slug FROM plexica_core.tenant;"));
    Response deployed = PluginsIT.upload(jar);
    assertThat(deployed.statusCode()).as(deployed.asString()).isEqualTo(201);

    Response install =
        Platform.asTenantAdmin(tenant).body(Map.of("pluginId", id)).post("/plugin-installations");
    Platform.assertProblem(install, 409, "plugin-migration-failed");
    assertThat(install.<String>path("detail"))
        .contains("Plugin '" + id + "'")
        .contains("permission denied for schema plexica_core");
    assertThat(Platform.tablesOf("tenant_" + tenant.replace('-', '_')))
        .noneMatch(t -> t.startsWith("plugin_" + id));
    assertThat(
            Platform.asTenantAdmin(tenant)
                .get("/plugin-installations")
                .<List<String>>path("installed.pluginId"))
        .doesNotContain(id);
  }

  /** Item 6: a route's workspace role is enforced: VIEWER reads, MEMBER writes by default. */
  @Test
  void pluginRoutesEnforceTheWorkspaceRole() throws Exception {
    String slug = PluginsIT.tenantWithFaulty("wsrole");
    String viewerName = "viewer" + System.nanoTime();
    String viewer = Platform.tokenOfNewUser(slug, viewerName, "user");
    String viewerId =
        Platform.anonymous().auth().oauth2(viewer).get("/me").then().extract().path("subject");
    String workspace =
        Platform.asTenantAdmin(slug)
            .body(Map.of("slug", "roles", "name", "Roles"))
            .post("/workspaces")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Platform.asTenantAdmin(slug)
        .body(Map.of("userId", viewerId, "role", "VIEWER"))
        .post("/workspaces/" + workspace + "/members")
        .then()
        .statusCode(201);

    var asViewer =
        (java.util.function.Supplier<io.restassured.specification.RequestSpecification>)
            () -> Platform.anonymous().auth().oauth2(viewer).header("X-Workspace-ID", workspace);
    asViewer.get().get("/plugins/faulty/ok").then().statusCode(200);
    Platform.assertProblem(
        asViewer.get().body("{}").post("/plugins/faulty/write"), 403, "workspace-role-required");
    Platform.assertProblem(
        asViewer.get().get("/plugins/faulty/manage"), 403, "workspace-role-required");

    Response asAdmin =
        Platform.asTenantAdmin(slug)
            .header("X-Workspace-ID", workspace)
            .body("{}")
            .post("/plugins/faulty/write");
    assertThat(asAdmin.statusCode()).as(asAdmin.asString()).isEqualTo(200);
    assertThat(asAdmin.<String>path("role")).as("the context carries the role").isEqualTo("ADMIN");
  }

  /** Item 9: a 100 KiB upload whose jar manifest inflates to 96 MiB is refused, not inflated. */
  @Test
  void aZipBombUploadIsRefused() throws Exception {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (var zip = new java.util.zip.ZipOutputStream(bytes)) {
      zip.putNextEntry(new java.util.zip.ZipEntry("META-INF/MANIFEST.MF"));
      byte[] chunk = new byte[1024 * 1024];
      java.util.Arrays.fill(chunk, (byte) 'a');
      for (int i = 0; i < 96; i++) {
        zip.write(chunk);
      }
      zip.closeEntry();
    }
    Response refused =
        Platform.api()
            .contentType("application/java-archive")
            .body(bytes.toByteArray())
            .post("/admin/plugins");
    Platform.assertProblem(refused, 400, "plugin-bundle-invalid");
    assertThat(refused.<String>path("detail")).contains("over 512 KiB");
  }

  /**
   * Item 10, plugin side: an upgrade to a version that is not one is a 400; uninstalling with purge
   * drops the plugin's views as well as its tables.
   */
  @Test
  void pluginLifecycleAnswersBadInputAndPurgesViews() throws Exception {
    String slug = PluginsIT.tenantWithFaulty("purge");
    String schema = "tenant_" + slug.replace('-', '_');
    assertThat(Platform.tablesOf(schema))
        .contains("plugin_faulty_things", "plugin_faulty_things_named");

    Response banana =
        Platform.asTenantAdmin(slug)
            .body(Map.of("version", "banana"))
            .post("/plugin-installations/faulty/upgrade");
    Platform.assertProblem(banana, 400, "validation-failed");
    assertThat(banana.<String>path("errors[0].field")).isEqualTo("version");

    Platform.asTenantAdmin(slug)
        .delete("/plugin-installations/faulty?purge=true")
        .then()
        .statusCode(204);
    assertThat(Platform.tablesOf(schema)).noneMatch(t -> t.startsWith("plugin_faulty_"));
  }

  /**
   * Item 12: the platform reaches Keycloak as a service account that administers the realms it
   * created and nothing else, not as the master realm's administrator.
   */
  @Test
  void thePlatformsKeycloakAccountAdministersOnlyItsRealms() {
    String serviceToken =
        io.restassured.RestAssured.given()
            .baseUri(Platform.KEYCLOAK_URL)
            .contentType(io.restassured.http.ContentType.URLENC)
            .formParam("grant_type", "client_credentials")
            .formParam("client_id", Platform.env("PLEXICA_KEYCLOAK_CLIENT_ID", "plexica-platform"))
            .formParam("client_secret", Platform.env("PLEXICA_KEYCLOAK_CLIENT_SECRET", ""))
            .post("/realms/master/protocol/openid-connect/token")
            .then()
            .statusCode(200)
            .extract()
            .path("access_token");
    var asService =
        (java.util.function.Supplier<io.restassured.specification.RequestSpecification>)
            () ->
                io.restassured.RestAssured.given()
                    .baseUri(Platform.KEYCLOAK_URL)
                    .auth()
                    .oauth2(serviceToken);

    asService.get().get("/admin/realms/" + tenant + "/users").then().statusCode(200);
    asService.get().get("/admin/realms/plexica-platform/users").then().statusCode(200);
    assertThat(asService.get().get("/admin/realms/master/users").statusCode())
        .as("the master realm's users are not its business")
        .isEqualTo(403);
    assertThat(asService.get().get("/admin/realms/master/clients").statusCode()).isEqualTo(403);
    // Its tokens name no roles (Keycloak reads them from its database): a token listing the
    // administration roles of every realm grows by some 550 bytes a realm, and Keycloak refuses
    // it as a header too large (431) once the platform has made about 120 realms.
    String claims =
        new String(
            java.util.Base64.getUrlDecoder().decode(serviceToken.split("\\.")[1]),
            java.nio.charset.StandardCharsets.UTF_8);
    assertThat(claims).doesNotContain("resource_access").doesNotContain("realm_access");
    assertThat(serviceToken.length()).isLessThan(2048);
  }

  /** A request as the tenant's administrator, sent without REST Assured's logging. */
  private static java.net.http.HttpResponse<String> raw(
      String method, String path, String contentType, java.net.http.HttpRequest.BodyPublisher body)
      throws Exception {
    var request =
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(Platform.BASE_URL + path))
            .header(
                "Authorization",
                "Bearer " + Platform.token(tenant, Platform.adminOf(tenant), Platform.DEV_PASSWORD))
            .header("Content-Type", contentType)
            .method(method, body)
            .build();
    return java.net.http.HttpClient.newHttpClient()
        .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
  }

  private static Jedis authenticated() {
    return new Jedis(
        new HostAndPort(REDIS_HOST, REDIS_PORT),
        DefaultJedisClientConfig.builder()
            .user(Platform.env("PLEXICA_REDIS_USER", null))
            .password(Platform.env("PLEXICA_REDIS_PASSWORD", null))
            .build());
  }

  private static String catchRedis(Runnable call) {
    try {
      call.run();
      return "no error";
    } catch (JedisDataException e) {
      return e.getMessage();
    }
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
