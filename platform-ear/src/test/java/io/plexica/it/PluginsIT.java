package io.plexica.it;

import static io.plexica.it.Platform.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.plexica.testing.Await;
import io.plexica.testing.TestBundles;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plugin runtime through the running server: the analytics sample deployed by upload, installed
 * in one tenant, its route answering there only, behind the permission it declares; a broken bundle
 * refused while the running version keeps serving.
 */
class PluginsIT {
  private static final String BUNDLE = "application/java-archive";
  private static byte[] analytics;
  private static String tenant;
  private static String otherTenant;

  @BeforeAll
  static void deployAnalytics() throws IOException {
    analytics = Files.readAllBytes(Path.of("target/test-bundles/analytics.jar"));
    Response deployed = upload(analytics);
    assertThat(deployed.statusCode()).as(deployed.asString()).isIn(201, 409);
    tenant = Platform.uniqueSlug("plug");
    otherTenant = Platform.uniqueSlug("plug-b");
    Platform.createActiveTenant(tenant);
    Platform.createActiveTenant(otherTenant);
  }

  static Response upload(byte[] bundle) {
    return Platform.api().contentType(BUNDLE).body(bundle).post("/admin/plugins");
  }

  private static RequestSpecification admin(String slug) {
    return Platform.asTenantAdmin(slug);
  }

  @Test
  void anInstalledPluginAnswersInItsTenantOnlyAndOnlyWhileEnabled() {
    assertProblem(admin(tenant).get("/plugins/analytics/summary"), 404, "plugin-route-not-found");

    Response badConfig =
        admin(tenant)
            .body("{\"pluginId\":\"analytics\",\"config\":{\"retentionDays\":0}}")
            .post("/plugin-installations");
    assertProblem(badConfig, 400, "plugin-config-invalid");
    assertThat(badConfig.<List<String>>path("errors.field"))
        .contains("config.label", "config.retentionDays");

    Response installed =
        admin(tenant)
            .body("{\"pluginId\":\"analytics\",\"config\":{\"label\":\"Acme\"}}")
            .post("/plugin-installations");
    assertThat(installed.statusCode()).as(installed.asString()).isEqualTo(201);
    assertThat(installed.<Integer>path("config.retentionDays"))
        .as("the schema's default")
        .isEqualTo(90);

    Response summary = admin(tenant).get("/plugins/analytics/summary");
    assertThat(summary.statusCode()).as(summary.asString()).isEqualTo(200);
    assertThat(summary.<String>path("tenant")).isEqualTo(tenant);
    assertThat(summary.<String>path("label")).isEqualTo("Acme");
    assertProblem(
        admin(otherTenant).get("/plugins/analytics/summary"), 404, "plugin-route-not-found");
    assertProblem(
        admin(tenant).get("/plugins/analytics/no-such-route"), 404, "plugin-route-not-found");

    String guest = Platform.tokenOfNewUser(tenant, "pat", "guest");
    assertProblem(
        Platform.anonymous().auth().oauth2(guest).get("/plugins/analytics/summary"),
        403,
        "permission-denied");
    assertProblem(
        Platform.anonymous().get("/plugins/analytics/summary"), 401, "authentication-required");

    admin(tenant)
        .contentType("application/merge-patch+json")
        .body("{\"enabled\":false}")
        .patch("/plugin-installations/analytics")
        .then()
        .statusCode(200);
    assertProblem(admin(tenant).get("/plugins/analytics/summary"), 404, "plugin-route-not-found");
    assertThat(
            admin(tenant)
                .contentType("application/merge-patch+json")
                .body("{}")
                .patch("/plugin-installations/analytics")
                .<Boolean>path("enabled"))
        .as("an empty patch changes nothing")
        .isFalse();
    admin(tenant)
        .contentType("application/merge-patch+json")
        .body("{\"enabled\":true}")
        .patch("/plugin-installations/analytics")
        .then()
        .statusCode(200);
    assertThat(admin(tenant).get("/plugins/analytics/summary").statusCode()).isEqualTo(200);

    assertThat(Platform.api().get("/admin/plugins/analytics").<List<String>>path("tenants"))
        .contains(tenant);
    assertProblem(Platform.api().delete("/admin/plugins/analytics"), 409, "plugin-in-use");

    admin(tenant).delete("/plugin-installations/analytics").then().statusCode(204);
    assertProblem(admin(tenant).get("/plugins/analytics/summary"), 404, "plugin-route-not-found");
    assertThat(admin(tenant).get("/plugin-installations").<List<String>>path("available.id"))
        .contains("analytics");
  }

  @Test
  void aBrokenBundleIsRefusedWithItsCauseAndTheRunningVersionKeepsServing() {
    String slug = Platform.uniqueSlug("plug-c");
    Platform.createActiveTenant(slug);
    admin(slug)
        .body("{\"pluginId\":\"analytics\",\"config\":{\"label\":\"C\"}}")
        .post("/plugin-installations")
        .then()
        .statusCode(201);

    String runningBefore =
        Platform.api().get("/admin/plugins/analytics").<String>path("currentVersion");
    Response badManifest =
        upload(
            withManifest(
                analytics,
                "{\"id\":\"analytics\",\"version\":\"9.0.0\",\"name\":\"A\",\"vendor\":\"V\",\"sdk\":\"[1.0,2)\",\"extra\":true}"));
    assertProblem(badManifest, 400, "plugin-manifest-invalid");
    Response wrongSdk =
        upload(
            withManifest(
                analytics,
                "{\"id\":\"analytics\",\"version\":\"9.0.0\",\"name\":\"A\",\"vendor\":\"V\",\"sdk\":\"[2.0,3)\"}"));
    assertProblem(wrongSdk, 400, "plugin-sdk-incompatible");
    assertProblem(upload(analytics), 409, "plugin-version-exists");
    assertProblem(
        upload("not a jar".getBytes(StandardCharsets.UTF_8)), 400, "plugin-bundle-invalid");

    Response unresolved =
        upload(
            bundle(
                "Import-Package: com.example.nowhere",
                "{\"id\":\"unresolved-x\",\"version\":\"1.0.0\",\"name\":\"U\","
                    + "\"vendor\":\"V\",\"sdk\":\"[1.0,2)\"}"));
    assertProblem(unresolved, 400, "plugin-bundle-unresolved");
    assertThat(unresolved.<String>path("detail")).contains("com.example.nowhere");
    assertProblem(Platform.api().get("/admin/plugins/unresolved-x"), 404, "plugin-not-found");
    assertProblem(
        upload(
            withManifest(
                analytics,
                "{\"id\":\"conflicted-x\",\"version\":\"1.0.0\",\"name\":\"C\","
                    + "\"vendor\":\"V\",\"sdk\":\"[1.0,2)\","
                    + "\"conflicts\":[{\"id\":\"analytics\",\"version\":\"[1.0,3)\"}]}")),
        409,
        "plugin-conflict");
    assertProblem(
        upload(
            withManifest(
                analytics,
                "{\"id\":\"needy-x\",\"version\":\"1.0.0\",\"name\":\"N\","
                    + "\"vendor\":\"V\",\"sdk\":\"[1.0,2)\","
                    + "\"dependencies\":[{\"id\":\"nowhere\",\"version\":\"1.0\"}]}")),
        409,
        "plugin-dependency-missing");

    assertThat(admin(slug).get("/plugins/analytics/summary").<String>path("label")).isEqualTo("C");
    assertThat(Platform.api().get("/admin/plugins/analytics").<String>path("currentVersion"))
        .isEqualTo(runningBefore);
  }

  @Test
  void aPluginThatThrowsOrHangsGetsAnErrorInTimeAndThePlatformStaysHealthy() throws IOException {
    String slug = tenantWithFaulty("plug-f");

    Response thrown = admin(slug).get("/plugins/faulty/throw");
    assertProblem(thrown, 500, "plugin-failed");
    assertThat(thrown.<String>path("detail")).contains("faulty");
    assertThat(thrown.<String>path("errorId")).isNotBlank();

    long start = System.nanoTime();
    Response hung = admin(slug).get("/plugins/faulty/hang");
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertProblem(hung, 504, "plugin-timeout");
    assertThat(millis)
        .as("answered at the 5 s limit, not when the plugin gave up")
        .isLessThan(10_000);

    assertThat(admin(slug).get("/plugins/faulty/ok").<Boolean>path("ok")).isTrue();
    assertThat(Platform.anonymous().basePath("").get("/health/ready").<String>path("status"))
        .isEqualTo("UP");
  }

  @Test
  void aBundleDroppedIntoTheDeployFolderIsDeployedAndOnlyWhatItDeployedLeavesWithIt()
      throws Exception {
    String folder = System.getProperty("plexica.plugins.deploy-dir", "");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        !folder.isBlank() && !folder.startsWith("${"), "the test server's deploy folder is known");
    String id = "dropin-" + Platform.uniqueSlug("x").substring(2);
    Path jar = Path.of(folder, id + ".jar");
    Path broken = Path.of(folder, id + "-broken.jar");
    Files.createDirectories(jar.getParent());
    Files.write(
        jar,
        withManifest(
            analytics,
            "{\"id\":\""
                + id
                + "\",\"version\":\"1.0.0\",\"name\":\"Dropped\","
                + "\"vendor\":\"Tests\",\"sdk\":\"[1.0,2)\"}"));
    Files.write(broken, withManifest(analytics, "{\"id\":\"" + id + "-broken\"}"));

    awaitStatus("/admin/plugins/" + id, 200);
    Path error = Path.of(folder, id + "-broken.jar.error");
    await("the refused jar's .error file", () -> Files.exists(error));
    assertThat(Files.readString(error)).contains("plugin-manifest-invalid");

    // A newer version uploaded through the API is not the file's: deleting the file leaves it.
    Response uploaded =
        upload(
            withManifest(
                analytics,
                "{\"id\":\""
                    + id
                    + "\",\"version\":\"1.1.0\",\"name\":\"Dropped\","
                    + "\"vendor\":\"Tests\",\"sdk\":\"[1.0,2)\"}"));
    assertThat(uploaded.statusCode()).as(uploaded.asString()).isEqualTo(201);
    Files.delete(jar);
    Files.delete(broken);
    await(
        "the file's version gone, the uploaded one kept",
        () ->
            Platform.api()
                .get("/admin/plugins/" + id)
                .<List<String>>path("versions")
                .equals(List.of("1.1.0")));
    await("the .error gone with its jar", () -> !Files.exists(error));
    assertProblem(
        Platform.api().delete("/admin/plugins/" + id + "/versions/1.0.0"),
        404,
        "plugin-version-not-found");
    Platform.api().delete("/admin/plugins/" + id + "/versions/1.1.0").then().statusCode(204);
    awaitStatus("/admin/plugins/" + id, 404);
  }

  private static void awaitStatus(String path, int status) {
    await(path + " answering " + status, () -> Platform.api().get(path).statusCode() == status);
  }

  /** Waits up to 30 s, asking every 200 ms (each ask may be a request). */
  private static void await(String what, BooleanSupplier condition) {
    Await.until(condition, what, Duration.ofSeconds(30), Duration.ofMillis(200));
  }

  @Test
  void hooksLetPluginsCountAndVetoWhatHappensInTheirTenants() {
    String slug = Platform.uniqueSlug("plug-h");
    Platform.createActiveTenant(slug);
    admin(slug)
        .body(
            "{\"pluginId\":\"analytics\",\"config\":{\"label\":\"H\",\"reservedWorkspaceSlugs\":[\"finance\"]}}")
        .post("/plugin-installations")
        .then()
        .statusCode(201);

    Response vetoed =
        admin(slug).body("{\"slug\":\"finance\",\"name\":\"Finance\"}").post("/workspaces");
    assertProblem(vetoed, 422, "workspace-vetoed");
    assertThat(vetoed.<String>path("detail")).contains("analytics", "reserved");
    admin(slug)
        .body("{\"slug\":\"eng\",\"name\":\"Engineering\"}")
        .post("/workspaces")
        .then()
        .statusCode(201);
    admin(slug)
        .body("{\"email\":\"hooked@example.com\",\"firstName\":\"H\",\"lastName\":\"K\"}")
        .post("/users")
        .then()
        .statusCode(201);

    await(
        "analytics counting the workspace and the user",
        () -> {
          Response summary = admin(slug).get("/plugins/analytics/summary");
          return summary.<Integer>path("workspacesCreated") == 1
              && summary.<Integer>path("usersCreated") >= 1;
        });
    String other = Platform.uniqueSlug("plug-i");
    Platform.createActiveTenant(other);
    admin(other)
        .body("{\"slug\":\"finance\",\"name\":\"Finance\"}")
        .post("/workspaces")
        .then()
        .statusCode(201);
  }

  @Test
  void aHookThatThrowsDoesNotStopTheOperation() throws IOException {
    String slug = tenantWithFaulty("plug-t");

    admin(slug)
        .body("{\"slug\":\"ops\",\"name\":\"Ops\"}")
        .post("/workspaces")
        .then()
        .statusCode(201);
  }

  @Test
  void crmNeedsAnalyticsKeepsEachTenantsContactsApartAndPurgesItsTables() throws IOException {
    Response deployed = upload(Files.readAllBytes(Path.of("target/test-bundles/crm.jar")));
    assertThat(deployed.statusCode()).as(deployed.asString()).isIn(201, 409);
    String a = Platform.uniqueSlug("crm-a");
    String b = Platform.uniqueSlug("crm-b");
    Platform.createActiveTenant(a);
    Platform.createActiveTenant(b);

    assertProblem(
        admin(a).body("{\"pluginId\":\"crm\"}").post("/plugin-installations"),
        409,
        "plugin-dependency-missing");
    for (String slug : List.of(a, b)) {
      admin(slug)
          .body("{\"pluginId\":\"analytics\",\"config\":{\"label\":\"x\"}}")
          .post("/plugin-installations")
          .then()
          .statusCode(201);
      admin(slug)
          .body("{\"pluginId\":\"crm\"}")
          .post("/plugin-installations")
          .then()
          .statusCode(201);
    }

    admin(a).body("{\"name\":\"Acme Co\"}").post("/plugins/crm/companies").then().statusCode(201);
    assertProblem(
        admin(a).body("{\"name\":\"Acme Co\"}").post("/plugins/crm/companies"),
        409,
        "plugins/crm/company-exists");
    Response ada =
        admin(a)
            .body("{\"name\":\"Ada\",\"email\":\"ada@acme.example\",\"company\":\"Acme Co\"}")
            .post("/plugins/crm/contacts");
    assertThat(ada.statusCode()).as(ada.asString()).isEqualTo(201);
    String id = ada.path("id");
    assertThat(ada.header("Location")).endsWith("/api/v1/plugins/crm/contacts/" + id);
    assertThat(admin(a).get("/plugins/crm/contacts").<List<String>>path("company"))
        .containsExactly("Acme Co");
    assertThat(admin(a).get("/plugins/crm/contacts/" + id).<String>path("name")).isEqualTo("Ada");

    assertThat(admin(b).get("/plugins/crm/contacts").<List<Object>>path("")).isEmpty();
    assertProblem(
        admin(b).get("/plugins/crm/contacts/" + id), 404, "plugins/crm/contact-not-found");
    assertProblem(admin(a).delete("/plugin-installations/analytics"), 409, "plugin-in-use");

    String schemaA = "tenant_" + a.replace('-', '_');
    assertThat(Platform.tablesOf(schemaA)).contains("plugin_crm_contacts", "plugin_crm_companies");
    admin(a).delete("/plugin-installations/crm").then().statusCode(204);
    assertThat(Platform.tablesOf(schemaA)).as("kept without purge").contains("plugin_crm_contacts");
    admin(a).body("{\"pluginId\":\"crm\"}").post("/plugin-installations").then().statusCode(201);
    assertThat(admin(a).get("/plugins/crm/contacts").<List<String>>path("name"))
        .containsExactly("Ada");
    admin(a).queryParam("purge", true).delete("/plugin-installations/crm").then().statusCode(204);
    assertThat(Platform.tablesOf(schemaA)).noneMatch(t -> t.startsWith("plugin_crm_"));
  }

  @Test
  void aTenantUpgradesWithoutARestartWhileAnotherKeepsItsVersion() throws IOException {
    String early = Platform.uniqueSlug("upg-a");
    String late = Platform.uniqueSlug("upg-b");
    for (String slug : List.of(early, late)) {
      Platform.createActiveTenant(slug);
      admin(slug)
          .body("{\"pluginId\":\"analytics\",\"version\":\"1.0.0\",\"config\":{\"label\":\"U\"}}")
          .post("/plugin-installations")
          .then()
          .statusCode(201);
      assertThat(admin(slug).get("/plugins/analytics/summary").<Integer>path("schema"))
          .isEqualTo(1);
    }
    Response deployed = upload(Files.readAllBytes(Path.of("target/test-bundles/analytics-v2.jar")));
    assertThat(deployed.statusCode()).as(deployed.asString()).isIn(201, 409);
    assertThat(Platform.api().get("/admin/plugins/analytics").<List<String>>path("versions"))
        .contains("1.0.0", "2.0.0");

    // The notice: the newest version this tenant's checks accept.
    assertThat(admin(early).get("/plugin-installations").<List<String>>path("installed.upgradeTo"))
        .containsExactly("2.0.0");
    Response upgraded = admin(early).body("{}").post("/plugin-installations/analytics/upgrade");
    assertThat(upgraded.statusCode()).as(upgraded.asString()).isEqualTo(200);
    assertThat(upgraded.<String>path("version")).isEqualTo("2.0.0");

    Response newer = admin(early).get("/plugins/analytics/summary");
    assertThat(newer.<Integer>path("schema")).as("2.0.0's route").isEqualTo(2);
    assertThat(newer.<String>path("label")).isEqualTo("U");
    String schema = "tenant_" + early.replace('-', '_');
    assertThat(Platform.tablesOf(schema))
        .contains("plugin_analytics_counts", "plugin_analytics_history");
    assertThat(admin(late).get("/plugins/analytics/summary").<Integer>path("schema"))
        .as("the other tenant still runs 1.0.0")
        .isEqualTo(1);
    assertProblem(
        admin(early)
            .body("{\"version\":\"1.0.0\"}")
            .post("/plugin-installations/analytics/upgrade"),
        409,
        "plugin-upgrade-invalid");

    admin(late)
        .body("{\"version\":\"2.0.0\"}")
        .post("/plugin-installations/analytics/upgrade")
        .then()
        .statusCode(200);
    assertThat(admin(late).get("/plugins/analytics/summary").<Integer>path("schema")).isEqualTo(2);
    assertThat(admin(late).get("/plugin-installations").<List<Object>>path("installed.upgradeTo"))
        .containsOnlyNulls();
  }

  /**
   * newsletter calls crm by service and by route in two tenants on two versions of crm (1.1.0 with
   * API 1.0.0, 1.2.0 with API 1.1.0): each tenant's call reaches its own; a user without crm's
   * permission is refused naming it; the tenant's service directory shows who may call what; crm
   * cannot be disabled under its enabled dependent.
   */
  @Test
  void newsletterReachesEachTenantsCrmByServiceAndByRoute() throws IOException {
    for (String jar : List.of("crm", "crm-next", "newsletter")) {
      Response deployed =
          upload(Files.readAllBytes(Path.of("target/test-bundles/" + jar + ".jar")));
      assertThat(deployed.statusCode()).as(deployed.asString()).isIn(201, 409);
    }
    String onOld = Platform.uniqueSlug("svc-old");
    String onNew = Platform.uniqueSlug("svc-new");
    for (String slug : List.of(onOld, onNew)) {
      Platform.createActiveTenant(slug);
      admin(slug)
          .body("{\"pluginId\":\"analytics\",\"config\":{\"label\":\"x\"}}")
          .post("/plugin-installations")
          .then()
          .statusCode(201);
      admin(slug)
          .body(
              "{\"pluginId\":\"crm\",\"version\":\""
                  + (slug.equals(onOld) ? "1.1.0" : "1.2.0")
                  + "\"}")
          .post("/plugin-installations")
          .then()
          .statusCode(201);
      admin(slug)
          .body("{\"pluginId\":\"newsletter\"}")
          .post("/plugin-installations")
          .then()
          .statusCode(201);
      admin(slug)
          .body("{\"name\":\"Ada " + slug + "\",\"email\":\"ada@" + slug + ".example\"}")
          .post("/plugins/crm/contacts")
          .then()
          .statusCode(201);
    }
    admin(onOld).body("{\"name\":\"Acme\"}").post("/plugins/crm/companies").then().statusCode(201);

    Response old = admin(onOld).get("/plugins/newsletter/audience");
    assertThat(old.statusCode()).as(old.asString()).isEqualTo(200);
    assertThat(old.<String>path("crmVersion")).isEqualTo("1.1.0");
    assertThat(old.<String>path("apiVersion")).isEqualTo("1.0.0");
    assertThat(old.<List<String>>path("people.email")).containsExactly("ada@" + onOld + ".example");
    Response fresh = admin(onNew).get("/plugins/newsletter/audience");
    assertThat(fresh.<String>path("crmVersion")).isEqualTo("1.2.0");
    assertThat(fresh.<String>path("apiVersion")).isEqualTo("1.1.0");
    assertThat(fresh.<List<String>>path("people.email"))
        .containsExactly("ada@" + onNew + ".example");
    assertThat(
            admin(onNew)
                .get("/plugins/newsletter/audience/from-view")
                .<List<String>>path("people.email"))
        .as("crm's shared view, read by its dependent")
        .containsExactly("ada@" + onNew + ".example");
    assertThat(
            admin(onOld).get("/plugins/newsletter/companies").<List<String>>path("companies.name"))
        .containsExactly("Acme");
    assertThat(admin(onNew).get("/plugins/newsletter/companies").<List<String>>path("companies"))
        .isEmpty();

    admin(onOld)
        .body(
            "{\"name\":\"reader\",\"description\":\"Newsletter only\",\"permissions\":[\"newsletter:audience:read\"]}")
        .post("/roles")
        .then()
        .statusCode(201);
    String reader = Platform.tokenOfNewUser(onOld, "nina", "reader");
    for (String path : List.of("/audience", "/companies")) {
      Response refused =
          Platform.anonymous().auth().oauth2(reader).get("/plugins/newsletter" + path);
      assertProblem(refused, 403, "permission-denied");
      assertThat(refused.<String>path("detail")).contains("crm:contacts:read");
    }

    assertThat(Platform.metrics(true).asString())
        .as("calls between plugins are counted by caller, callee and path")
        .containsPattern(
            "plexica_plugins_calls_duration_seconds[a-z_]*\\{[^}]*callee=\"crm\"[^}]*caller=\"newsletter\"[^}]*path=\"service\"")
        .containsPattern(
            "plexica_plugins_calls_duration_seconds[a-z_]*\\{[^}]*callee=\"crm\"[^}]*caller=\"newsletter\"[^}]*path=\"route\"");

    Response services = admin(onNew).get("/plugin-services");
    assertThat(services.statusCode()).as(services.asString()).isEqualTo(200);
    assertThat(services.<List<String>>path("service"))
        .containsExactly("io.plexica.samples.crm.api.CrmContacts");
    assertThat(services.<String>path("[0].apiVersion")).isEqualTo("1.1.0");
    assertThat(services.<String>path("[0].operations.contacts")).isEqualTo("crm:contacts:read");
    assertThat(services.<String>path("[0].consumers[0].pluginId")).isEqualTo("newsletter");
    assertThat(services.<String>path("[0].consumers[0].imports")).isEqualTo("[1.0.0,2.0.0)");
    assertProblem(
        admin(onNew).body("{\"enabled\":false}").patch("/plugin-installations/crm"),
        409,
        "plugin-in-use");
  }

  /** A new tenant with the faulty fixture deployed (once) and installed. */
  static String tenantWithFaulty(String prefix) throws IOException {
    Response deployed = upload(Files.readAllBytes(Path.of("target/test-bundles/faulty.jar")));
    assertThat(deployed.statusCode()).as(deployed.asString()).isIn(201, 409);
    String slug = Platform.uniqueSlug(prefix);
    Platform.createActiveTenant(slug);
    admin(slug)
        .body("{\"pluginId\":\"faulty\"}")
        .post("/plugin-installations")
        .then()
        .statusCode(201);
    return slug;
  }

  /** A minimal bundle with one extra manifest header and a plugin.json. */
  static byte[] bundle(String header, String pluginJson) {
    return bundle("test.unresolved", header, pluginJson, Map.of());
  }

  /** A bundle without code: a manifest (one extra header, if any), a plugin.json, more files. */
  static byte[] bundle(
      String symbolicName, String header, String pluginJson, Map<String, String> files) {
    Map<String, String> headers = new java.util.LinkedHashMap<>();
    headers.put("Bundle-ManifestVersion", "2");
    headers.put("Bundle-SymbolicName", symbolicName);
    headers.put("Bundle-Version", TestBundles.versionOf(pluginJson).orElse("1.0.0"));
    if (header != null) {
      String[] nameValue = header.split(": ", 2);
      headers.put(nameValue[0], nameValue[1]);
    }
    Map<String, String> entries = new java.util.LinkedHashMap<>(files);
    entries.put("META-INF/plexica/plugin.json", pluginJson);
    return TestBundles.jar(headers, entries);
  }

  /**
   * The bundle with another plugin.json, and its version as Bundle-Version, as a build makes it.
   */
  static byte[] withManifest(byte[] bundle, String manifest) {
    return TestBundles.withEntries(bundle, Map.of("META-INF/plexica/plugin.json", manifest));
  }
}
