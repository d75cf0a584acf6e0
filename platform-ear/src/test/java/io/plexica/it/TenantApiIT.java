package io.plexica.it;

import static io.plexica.it.Platform.api;
import static io.plexica.it.Platform.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tenant API over HTTP against the running platform and its real database. */
class TenantApiIT {

  @Test
  void creatingATenantProvisionsItsSchemaAndLogsEveryStep() {
    String slug = Platform.uniqueSlug("acme");
    Response accepted =
        api()
            .body(
                "{\"slug\":\""
                    + slug
                    + "\",\"name\":\"Acme\",\"adminEmail\":\"ada@acme.example\","
                    + "\"settings\":{\"locale\":\"en\"}}")
            .post("/tenants");

    assertThat(accepted.statusCode()).isEqualTo(202);
    assertThat(accepted.<String>path("status")).isEqualTo("PROVISIONING");
    String id = accepted.path("id");
    assertThat(accepted.header("Location")).endsWith("/api/v1/tenants/" + id);

    Response tenant = Platform.awaitStatus(slug, "ACTIVE");
    String schema = "tenant_" + slug.replace('-', '_');
    assertThat(tenant.<String>path("schema")).isEqualTo(schema);
    assertThat(tenant.<String>path("settings.locale")).isEqualTo("en");
    assertThat(Platform.tablesOf(schema)).contains("workspace", "flyway_schema_history");

    Response progress = api().get("/tenants/" + id + "/provisioning");
    assertThat(progress.statusCode()).isEqualTo(200);
    assertThat(progress.<Integer>path("attempt")).isEqualTo(1);
    assertThat(progress.<Integer>path("completedSteps"))
        .isEqualTo(progress.<Integer>path("totalSteps"));
    assertThat(progress.<List<String>>path("steps.name"))
        .containsExactly(
            "create-schema",
            "migrate-schema",
            "create-bucket",
            "create-realm",
            "seed-default-workspace");
    assertThat(tenant.<String>path("adminEmail")).isEqualTo("ada@acme.example");
    assertThat(progress.<List<String>>path("steps.status")).containsOnly("DONE");
    assertThat(progress.<List<Integer>>path("steps.durationMs")).allMatch(ms -> ms >= 0);

    assertThat(api().get("/tenants/" + id).<String>path("slug")).isEqualTo(slug);
    assertThat(
            Platform.anonymous()
                .auth()
                .oauth2(Platform.token(slug, "ada@acme.example", Platform.DEV_PASSWORD))
                .header("X-Tenant-ID", slug)
                .get("/workspaces")
                .then()
                .statusCode(200)
                .extract()
                .<List<String>>path("slug"))
        .containsExactly("default");
  }

  @Test
  void badSlugsAreRefusedWithFieldErrorsAndLeaveNothing() {
    Response bad =
        api()
            .body("{\"slug\":\"Bad Slug!\",\"name\":\"\",\"adminEmail\":\"nope\"}")
            .post("/tenants");

    assertProblem(bad, 400, "validation-failed");
    assertThat(bad.<List<String>>path("errors.field"))
        .containsExactly("slug", "name", "adminEmail");
    assertProblem(
        api()
            .body("{\"slug\":\"admin\",\"name\":\"x\",\"adminEmail\":\"a@b.example\"}")
            .post("/tenants"),
        400,
        "validation-failed");
    assertThat(api().queryParam("q", "Bad Slug").get("/tenants").<Integer>path("total")).isZero();
  }

  @Test
  void aDuplicateSlugIsAConflict() {
    String slug = Platform.uniqueSlug("dup");
    Platform.createActiveTenant(slug);

    assertProblem(
        api()
            .body("{\"slug\":\"" + slug + "\",\"name\":\"Again\",\"adminEmail\":\"a@b.example\"}")
            .post("/tenants"),
        409,
        "tenant-slug-taken");
    assertThat(api().queryParam("q", slug).get("/tenants").<Integer>path("total")).isEqualTo(1);
  }

  @Test
  void lifecycleSuspendActivateDeleteAndPurge() {
    String slug = Platform.uniqueSlug("life");
    String schema = "tenant_" + slug.replace('-', '_');
    Platform.createActiveTenant(slug);
    var tenantAdmin = Platform.asTenantAdmin(slug);

    api().post("/tenants/" + slug + "/suspend").then().statusCode(200);
    assertProblem(tenantAdmin.get("/workspaces"), 401, "tenant-not-active");
    assertProblem(api().post("/tenants/" + slug + "/suspend"), 409, "tenant-illegal-state-change");
    api().post("/tenants/" + slug + "/activate").then().statusCode(200);
    Platform.asTenantAdmin(slug).get("/workspaces").then().statusCode(200);

    api().delete("/tenants/" + slug).then().statusCode(204);
    assertThat(api().get("/tenants/" + slug).<String>path("status")).isEqualTo("DELETED");
    assertProblem(api().post("/tenants/" + slug + "/activate"), 409, "tenant-illegal-state-change");
    assertThat(Platform.schemaExists(schema)).isTrue();

    api().queryParam("purge", "true").delete("/tenants/" + slug).then().statusCode(204);
    assertThat(Platform.schemaExists(schema)).isFalse();
    assertProblem(api().get("/tenants/" + slug), 404, "tenant-not-found");
  }

  @Test
  void patchRenamesAndMergesSettings() {
    String slug = Platform.uniqueSlug("patch");
    Platform.createActiveTenant(slug);

    Response patched =
        api()
            .contentType("application/merge-patch+json")
            .body("{\"name\":\"Renamed\",\"settings\":{\"theme\":\"dark\"}}")
            .patch("/tenants/" + slug);

    assertThat(patched.statusCode()).isEqualTo(200);
    assertThat(patched.<String>path("name")).isEqualTo("Renamed");
    assertThat(patched.<Map<String, Object>>path("settings")).containsEntry("theme", "dark");
    Response unknownField = api().body("{\"status\":\"ACTIVE\"}").patch("/tenants/" + slug);
    assertProblem(unknownField, 400, "validation-failed");
    assertThat(unknownField.<List<String>>path("errors.field")).containsExactly("status");

    Response mars =
        api()
            .body("{\"settings\":{\"timeZone\":\"Mars/Olympus\",\"locale\":\"x!\"}}")
            .patch("/tenants/" + slug);
    assertProblem(mars, 400, "validation-failed");
    assertThat(mars.<List<String>>path("errors.field"))
        .containsExactlyInAnyOrder("settings.timeZone", "settings.locale");
    assertThat(api().get("/tenants/" + slug).<Map<String, Object>>path("settings"))
        .doesNotContainKey("timeZone");
  }

  @Test
  void quotasAreSetByPlatformAdministratorsOnlyAndRefuseWhatWouldPassThem() {
    String slug = Platform.uniqueSlug("quota");
    Platform.createActiveTenant(slug);
    long workspaces =
        Platform.asTenantAdmin(slug).get("/workspaces").jsonPath().getList("$").size();

    Response set =
        api()
            .contentType("application/merge-patch+json")
            .body("{\"quotas\":{\"maxWorkspaces\":" + workspaces + ",\"maxPlugins\":5}}")
            .patch("/tenants/" + slug);
    assertThat(set.statusCode()).as(set.asString()).isEqualTo(200);
    assertThat(set.<Map<String, Object>>path("quotas"))
        .containsEntry("maxWorkspaces", (int) workspaces)
        .containsEntry("maxPlugins", 5);
    Response refused =
        Platform.asTenantAdmin(slug)
            .body(Map.of("slug", "one-more", "name", "One more"))
            .post("/workspaces");
    assertProblem(refused, 409, "quota-exceeded");
    assertThat(refused.<String>path("detail"))
        .contains("at most " + workspaces + " workspaces and holds " + workspaces);

    // The tenant's own administrators cannot lift it.
    Response byTenant =
        Platform.asTenantAdmin(slug)
            .contentType("application/merge-patch+json")
            .body("{\"quotas\":{\"maxWorkspaces\":null}}")
            .patch("/tenant");
    assertProblem(byTenant, 400, "validation-failed");
    assertThat(byTenant.<List<String>>path("errors.field")).containsExactly("quotas");

    Response bad = api().body("{\"quotas\":{\"maxUsers\":\"many\"}}").patch("/tenants/" + slug);
    assertProblem(bad, 400, "validation-failed");
    assertThat(bad.<List<String>>path("errors.field")).containsExactly("quotas.maxUsers");

    api()
        .contentType("application/merge-patch+json")
        .body("{\"quotas\":{\"maxWorkspaces\":null}}")
        .patch("/tenants/" + slug)
        .then()
        .statusCode(200);
    Platform.asTenantAdmin(slug)
        .body(Map.of("slug", "one-more", "name", "One more"))
        .post("/workspaces")
        .then()
        .statusCode(201);
  }

  @Test
  void listSearchesFiltersSortsAndPages() {
    String marker = "zl" + Platform.uniqueSlug("x").substring(2, 8);
    for (int i = 0; i < 3; i++) {
      Platform.createActiveTenant(marker + "-" + i);
    }

    Response page =
        api()
            .queryParam("q", marker.toUpperCase())
            .queryParam("sort", "-slug")
            .queryParam("size", "2")
            .get("/tenants");

    assertThat(page.<Integer>path("total")).isEqualTo(3);
    assertThat(page.<List<String>>path("items.slug")).containsExactly(marker + "-2", marker + "-1");
    assertThat(
            api()
                .queryParam("q", marker)
                .queryParam("status", "SUSPENDED")
                .get("/tenants")
                .<Integer>path("total"))
        .isZero();
    Response bad = api().queryParam("size", "500").queryParam("page", "x").get("/tenants");
    assertProblem(bad, 400, "validation-failed");
    assertThat(bad.<List<String>>path("errors.field")).containsExactly("page", "size");
  }

  @Test
  void malformedRequestsGetProblemDocuments() {
    assertProblem(api().body("{\"slug\": ").post("/tenants"), 400, "malformed-request");
    assertProblem(api().body("[1,2]").post("/tenants"), 400, "malformed-request");
    assertProblem(
        api().contentType(ContentType.XML).body("<tenant/>").post("/tenants"),
        415,
        "unsupported-media-type");
    assertProblem(api().put("/tenants"), 405, "method-not-allowed");
    assertProblem(api().get("/no-such-thing"), 404, "not-found");
    assertProblem(api().get("/tenants/not-a-tenant"), 404, "tenant-not-found");
    assertProblem(
        api().queryParam("purge", "maybe").delete("/tenants/x"), 400, "validation-failed");
  }

  @Test
  void workspaceInputIsValidatedWithinItsTenant() {
    String slug = Platform.uniqueSlug("ws");
    Platform.createActiveTenant(slug);

    Response bad =
        Platform.asTenantAdmin(slug)
            .body(
                "{\"slug\":\"-bad-\",\"name\":\" \",\"description\":\"" + "x".repeat(2001) + "\"}")
            .post("/workspaces");
    assertProblem(bad, 400, "validation-failed");
    assertThat(bad.<List<String>>path("errors.field"))
        .containsExactly("slug", "name", "description");
    assertProblem(
        Platform.asTenantAdmin(slug)
            .body("{\"slug\":\"default\",\"name\":\"Again\"}")
            .post("/workspaces"),
        409,
        "workspace-slug-taken");
    assertProblem(
        Platform.asTenantAdmin(slug).get("/workspaces/not-a-uuid"), 404, "workspace-not-found");
    assertThat(Platform.asTenantAdmin(slug).get("/workspaces").<List<String>>path("slug"))
        .containsExactly("default");
  }

  @Test
  void oversizedBodiesAre413AndCreateNothing() {
    String slug = Platform.uniqueSlug("big");
    String huge =
        "{\"slug\":\""
            + slug
            + "\",\"name\":\"Big\",\"settings\":{\"blob\":\""
            + "x".repeat(2 * 1024 * 1024)
            + "\"}}";

    assertProblem(api().body(huge).post("/tenants"), 413, "payload-too-large");
    assertThat(api().queryParam("q", slug).get("/tenants").<Integer>path("total")).isZero();
  }
}
