package io.plexica.it;

import static io.plexica.it.Platform.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.plexica.testing.Await;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A tenant placed on the second PostgreSQL cluster that bin/plexica starts works end to end: its
 * schema, its people, its workspaces and a plugin's tables all live on that cluster, the platform's
 * cross-tenant views (people search, usage) reach it, and purging it drops it there.
 */
class DatabaseClustersIT {
  private static final String NOTES = "/plugins/notes/notes";

  private static RequestSpecification as(String token) {
    return Platform.anonymous().auth().oauth2(token);
  }

  private static Response create(String slug, String cluster) {
    return Platform.api()
        .body(
            Map.of(
                "slug",
                slug,
                "name",
                "Tenant " + slug,
                "adminEmail",
                Platform.adminOf(slug),
                "databaseCluster",
                cluster))
        .post("/tenants");
  }

  @Test
  void aTenantOnTheSecondClusterWorksEndToEndAndIsPurgedThere() {
    String slug = Platform.uniqueSlug("far");
    String schema = "tenant_" + slug.replace('-', '_');
    create(slug, Platform.SECOND_CLUSTER).then().statusCode(202);
    Response tenant = Platform.awaitStatus(slug, "ACTIVE");
    assertThat(tenant.<String>path("placement.databaseCluster")).isEqualTo(Platform.SECOND_CLUSTER);
    assertThat(Platform.schemaExists(Platform.SECOND_CLUSTER, schema)).isTrue();
    assertThat(Platform.schemaExists(Platform.MAIN_CLUSTER, schema))
        .as("nothing of it on the main cluster")
        .isFalse();

    Response workspace =
        Platform.asTenantAdmin(slug)
            .body(Map.of("slug", "plans", "name", "Plans"))
            .post("/workspaces");
    assertThat(workspace.statusCode()).as(workspace.asString()).isEqualTo(201);
    assertThat(Platform.asTenantAdmin(slug).get("/workspaces").<List<String>>path("slug"))
        .contains("plans");
    String ada = Platform.tokenOfNewUser(slug, "ada-" + slug, "admin");
    assertThat(as(ada).get("/me").<String>path("realm")).isEqualTo(slug);

    // A plugin's tables go to the tenant's cluster, written by the installation's own role there.
    Platform.deployTestBundle("notes");
    Platform.asTenantAdmin(slug)
        .body("{\"pluginId\":\"notes\"}")
        .post("/plugin-installations")
        .then()
        .statusCode(201);
    Response note =
        Platform.asTenantAdmin(slug)
            .header("X-Workspace-ID", workspace.<String>path("id"))
            .body(Map.of("title", "Far away"))
            .post("/plugins/notes/notes");
    assertThat(note.statusCode()).as(note.asString()).isEqualTo(201);
    assertThat(
            Platform.asTenantAdmin(slug)
                .header("X-Workspace-ID", workspace.<String>path("id"))
                .get("/plugins/notes/notes")
                .<List<String>>path("items.title"))
        .containsExactly("Far away");
    assertThat(
            Platform.strings(
                Platform.SECOND_CLUSTER,
                "SELECT table_name FROM information_schema.tables WHERE table_schema = ?",
                schema))
        .contains("plugin_notes_notes", "workspace", "users");

    // What a tenant's unit of work queues commits with it on its cluster, and is worked off there:
    // the invitation's mail, the events of the outbox.
    Response invited =
        Platform.asTenantAdmin(slug)
            .body(Map.of("email", "grace@" + slug + ".example", "role", "VIEWER"))
            .post("/workspaces/" + workspace.<String>path("id") + "/invitations");
    assertThat(invited.statusCode()).as(invited.asString()).isEqualTo(201);
    assertThat(
            Await.latest(
                () ->
                    Platform.asTenantAdmin(slug)
                        .get("/workspaces/" + workspace.<String>path("id") + "/invitations")
                        .<String>path("find { it.id == '" + invited.path("id") + "' }.delivery"),
                delivery -> !"QUEUED".equals(delivery),
                Duration.ofSeconds(20),
                Duration.ofMillis(200)))
        .isEqualTo("ACCOUNT_SETUP_MAILED");
    assertThat(
            Await.latest(
                () ->
                    Platform.strings(
                        Platform.SECOND_CLUSTER,
                        "SELECT count(*) FROM plexica_core.event_outbox WHERE CAST(tenant_id AS"
                            + " text) = ?",
                        tenant.<String>path("id")),
                rows -> rows.equals(List.of("0")),
                Duration.ofSeconds(20),
                Duration.ofMillis(200)))
        .as("the second cluster's outbox relayed to Kafka")
        .containsExactly("0");

    // The platform's views across tenants span both clusters.
    String near = Platform.uniqueSlug("near");
    Platform.createActiveTenant(near);
    Response people =
        Platform.api()
            .queryParam("role", "admin")
            .queryParam("q", "admin@")
            .queryParam("size", 100)
            .queryParam("tenant", slug.substring(4))
            .get("/admin/users");
    assertThat(people.<List<String>>path("items.tenantSlug")).containsOnly(slug);
    Response both =
        Platform.api()
            .queryParam("q", "-" + slug.substring(4))
            .queryParam("size", 5)
            .get("/admin/users");
    assertThat(both.<List<String>>path("items.email")).contains(Platform.adminOf(slug));
    assertThat(
            Platform.api()
                .queryParam("q", Platform.adminOf(near))
                .get("/admin/users")
                .<List<String>>path("items.tenantSlug"))
        .containsExactly(near);
    Response usage = Platform.api().get("/admin/analytics/tenants/" + slug);
    assertThat(usage.statusCode()).as(usage.asString()).isEqualTo(200);
    assertThat(usage.<Integer>path("usage.workspaces")).isEqualTo(2);
    assertThat(usage.<Integer>path("usage.users")).as("the admin, Ada and Grace").isEqualTo(3);
    assertThat(usage.<Integer>path("usage.plugins")).isEqualTo(1);

    Response clusters = Platform.api().get("/admin/database-clusters");
    assertThat(clusters.<List<String>>path("items.id"))
        .containsExactly(Platform.MAIN_CLUSTER, Platform.SECOND_CLUSTER);
    assertThat(clusters.<Boolean>path("items[0].isDefault")).isTrue();
    assertThat(clusters.<Integer>path("items[1].tenants")).isGreaterThanOrEqualTo(1);

    String role = installationRole(tenant.path("id"), "notes");
    assertThat(roleExists(Platform.SECOND_CLUSTER, role)).isTrue();
    assertThat(roleExists(Platform.MAIN_CLUSTER, role)).isFalse();

    Platform.api().delete("/tenants/" + slug).then().statusCode(204);
    Platform.api().queryParam("purge", "true").delete("/tenants/" + slug).then().statusCode(204);
    assertThat(Platform.schemaExists(Platform.SECOND_CLUSTER, schema)).isFalse();
    assertThat(roleExists(Platform.SECOND_CLUSTER, role))
        .as("the installation's role went with the schema")
        .isFalse();
  }

  private static boolean roleExists(String cluster, String role) {
    return !Platform.strings(cluster, "SELECT rolname FROM pg_roles WHERE rolname = ?", role)
        .isEmpty();
  }

  /** The database role of a plugin's installation in a tenant (InstallationRoles.of). */
  private static String installationRole(String tenantId, String pluginId) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((tenantId + "/" + pluginId).getBytes(StandardCharsets.UTF_8));
      return "plx_" + HexFormat.of().formatHex(digest).substring(0, 28);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aTenantMovedToTheOtherClusterKeepsItsPeopleWorkspacesAndPluginData() {
    String slug = Platform.uniqueSlug("mover");
    String schema = "tenant_" + slug.replace('-', '_');
    String tenantId = Platform.createActiveTenant(slug).path("id");
    String workspace =
        Platform.asTenantAdmin(slug)
            .body(Map.of("slug", "plans", "name", "Plans"))
            .post("/workspaces")
            .path("id");
    Platform.deployTestBundle("notes");
    Platform.asTenantAdmin(slug)
        .body("{\"pluginId\":\"notes\"}")
        .post("/plugin-installations")
        .then()
        .statusCode(201);
    inWorkspace(slug, workspace)
        .body(Map.of("title", "Before the move"))
        .post(NOTES)
        .then()
        .statusCode(201);
    String ada = Platform.tokenOfNewUser(slug, "ada-" + slug, "admin");

    Response started =
        Platform.api()
            .body(Map.of("databaseCluster", Platform.SECOND_CLUSTER))
            .post("/tenants/" + slug + "/database-moves");
    assertThat(started.statusCode()).as(started.asString()).isEqualTo(202);
    assertThat(started.<String>path("sourceCluster")).isEqualTo(Platform.MAIN_CLUSTER);
    Response done = awaitMoveEnd(slug);
    assertThat(done.<String>path("items[0].state")).as(done.asString()).isEqualTo("DONE");
    assertThat(done.<Integer>path("items[0].rowsCopied")).isPositive();

    assertThat(Platform.api().get("/tenants/" + slug).<String>path("placement.databaseCluster"))
        .isEqualTo(Platform.SECOND_CLUSTER);
    assertThat(Platform.schemaExists(Platform.MAIN_CLUSTER, schema)).isFalse();
    assertThat(Platform.schemaExists(Platform.SECOND_CLUSTER, schema)).isTrue();
    // The same people, workspace and plugin rows, and writes go to the new cluster.
    assertThat(as(ada).get("/me").<String>path("email")).isNotBlank();
    assertThat(Platform.asTenantAdmin(slug).get("/workspaces").<List<String>>path("slug"))
        .contains("plans");
    inWorkspace(slug, workspace)
        .body(Map.of("title", "After the move"))
        .post(NOTES)
        .then()
        .statusCode(201);
    assertThat(inWorkspace(slug, workspace).get(NOTES).<List<String>>path("items.title"))
        .containsExactlyInAnyOrder("Before the move", "After the move");
    String role = installationRole(tenantId, "notes");
    assertThat(roleExists(Platform.SECOND_CLUSTER, role)).isTrue();

    // And back: the plugin's login on the main cluster serves it again, pooled connections too.
    Platform.api()
        .body(Map.of("databaseCluster", Platform.MAIN_CLUSTER))
        .post("/tenants/" + slug + "/database-moves")
        .then()
        .statusCode(202);
    Response back = awaitMoveEnd(slug);
    assertThat(back.<String>path("items[0].state")).as(back.asString()).isEqualTo("DONE");
    assertThat(Platform.schemaExists(Platform.SECOND_CLUSTER, schema)).isFalse();
    inWorkspace(slug, workspace)
        .body(Map.of("title", "Back home"))
        .post(NOTES)
        .then()
        .statusCode(201);
    assertThat(inWorkspace(slug, workspace).get(NOTES).<List<String>>path("items.title"))
        .containsExactlyInAnyOrder("Before the move", "After the move", "Back home");

    assertProblem(
        Platform.api()
            .body(Map.of("databaseCluster", Platform.MAIN_CLUSTER))
            .post("/tenants/" + slug + "/database-moves"),
        409,
        "tenant-illegal-state-change");
    assertProblem(
        Platform.api()
            .body(Map.of("databaseCluster", "mars-1"))
            .post("/tenants/" + slug + "/database-moves"),
        400,
        "validation-failed");
    assertProblem(
        Platform.api().body("{}").post("/tenants/" + slug + "/database-moves"),
        400,
        "validation-failed");
  }

  private static RequestSpecification inWorkspace(String slug, String workspace) {
    return Platform.asTenantAdmin(slug).header("X-Workspace-ID", workspace);
  }

  private static Response awaitMoveEnd(String slug) {
    return Await.latest(
        () -> Platform.api().get("/tenants/" + slug + "/database-moves"),
        moves -> !"RUNNING".equals(moves.path("items[0].state")),
        Duration.ofSeconds(60),
        Duration.ofMillis(250));
  }

  @Test
  void aClusterThePlatformDoesNotKnowIsRefusedAndLeavesNoTenant() {
    String slug = Platform.uniqueSlug("nowhere");
    Response refused = create(slug, "mars-1");
    assertProblem(refused, 400, "validation-failed");
    assertThat(refused.<String>path("errors[0].field")).isEqualTo("databaseCluster");
    assertThat(refused.<String>path("errors[0].message")).contains("main", Platform.SECOND_CLUSTER);
    assertProblem(Platform.api().get("/tenants/" + slug), 404, "tenant-not-found");

    assertProblem(create(slug, "Not A Cluster!"), 400, "validation-failed");
    assertProblem(Platform.api().get("/tenants/" + slug), 404, "tenant-not-found");
  }
}
