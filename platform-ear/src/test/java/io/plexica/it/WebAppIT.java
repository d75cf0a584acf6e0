package io.plexica.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the web app and console stand on: the pages served from the web module (single-page
 * fallback, caching, content security policy), the login settings, the tenant's own settings, and
 * the plugin UIs a tenant's users see. The screens themselves are tested in Chromium
 * (frontend/e2e).
 */
class WebAppIT {
  private static String tenant;

  @BeforeAll
  static void createTenant() throws IOException {
    tenant = Platform.uniqueSlug("web");
    Platform.createActiveTenant(tenant);
    Response deployed =
        Platform.api()
            .contentType("application/java-archive")
            .body(Files.readAllBytes(Path.of("target/test-bundles/analytics.jar")))
            .post("/admin/plugins");
    assertThat(deployed.statusCode()).as(deployed.asString()).isIn(201, 409);
  }

  @Test
  void everyResponseCarriesTheSecurityHeadersAndDownloadsAreCompressed() {
    Response page = given().baseUri(Platform.BASE_URL).get("/");
    Response api = Platform.api().get("/tenants");
    Response refused = Platform.anonymous().get("/tenants");
    Response health = given().baseUri(Platform.BASE_URL).get("/health/ready");
    for (Response response : List.of(page, api, refused, health)) {
      assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
      assertThat(response.header("Referrer-Policy")).isEqualTo("same-origin");
      assertThat(response.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
      // Plain HTTP, and no proxy saying the client used TLS: no HSTS, which only TLS may carry.
      assertThat(response.header("Strict-Transport-Security")).isNull();
    }
    // The page keeps its own, fuller policy.
    assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'");
    Response behindTls =
        given()
            .baseUri(Platform.BASE_URL)
            .header("X-Forwarded-Proto", "https")
            .get("/api/v1/web-config");
    assertThat(behindTls.header("Strict-Transport-Security")).contains("max-age=31536000");

    Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(page.asString());
    assertThat(script.find()).isTrue();
    Response gzipped = downloadAsSent(script.group(1), "gzip");
    Response plain = downloadAsSent(script.group(1), "identity");
    assertThat(gzipped.statusCode()).isEqualTo(200);
    assertThat(gzipped.header("Content-Encoding")).isEqualTo("gzip");
    byte[] compressed = gzipped.asByteArray();
    assertThat(compressed[0] & 0xff).isEqualTo(0x1f);
    assertThat(compressed[1] & 0xff).isEqualTo(0x8b);
    assertThat(plain.header("Content-Encoding")).isNull();
    assertThat(compressed.length).isLessThan(plain.asByteArray().length / 2);
  }

  /** The bytes as the server sent them: the HTTP client would inflate them and drop the header. */
  private static Response downloadAsSent(String path, String acceptEncoding) {
    return given()
        .baseUri(Platform.BASE_URL)
        .config(
            io.restassured.RestAssured.config()
                .decoderConfig(
                    io.restassured.config.DecoderConfig.decoderConfig().noContentDecoders()))
        .header("Accept-Encoding", acceptEncoding)
        .get(path);
  }

  @Test
  void appRoutesGetTheirPageWithAPolicyThatAllowsOnlyTheirOwnScripts() throws Exception {
    Response page = given().baseUri(Platform.BASE_URL).get("/workspaces/some-id");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.asString())
        .contains("<div id=\"root\">", "/assets/web-")
        .doesNotContain("Plexica console");
    assertThat(page.header("Cache-Control")).isEqualTo("no-cache");
    String policy = page.header("Content-Security-Policy");
    assertThat(policy)
        .contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
        .contains("'" + importMapHash(page.asString()) + "'")
        .doesNotContain("unsafe-eval")
        .doesNotContainPattern("script-src[^;]*unsafe-inline");

    Response console = given().baseUri(Platform.BASE_URL).get("/admin/tenants/some-id");
    assertThat(console.statusCode()).isEqualTo(200);
    assertThat(console.asString()).contains("Plexica console");

    Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(page.asString());
    assertThat(script.find()).as("the page loads its script").isTrue();
    Response asset = given().baseUri(Platform.BASE_URL).get(script.group(1));
    assertThat(asset.statusCode()).isEqualTo(200);
    assertThat(asset.header("Cache-Control")).contains("immutable");

    // The API never falls back to the app's page.
    Response missing = Platform.anonymous().get("/no-such-endpoint");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.contentType()).doesNotStartWith("text/html");
  }

  @Test
  void loginSettingsNameTheRealmOfActiveTenantsOnly() {
    Response platform = Platform.anonymous().get("/web-config");
    assertThat(platform.statusCode()).isEqualTo(200);
    assertThat(platform.<String>path("platformRealm")).isEqualTo("plexica-platform");
    assertThat(platform.<String>path("consoleClientId")).isEqualTo("plexica-console");
    assertThat(platform.<String>path("keycloakUrl")).startsWith("http");
    assertThat(platform.<Object>path("tenant")).isNull();

    Response login = Platform.anonymous().queryParam("tenant", tenant).get("/web-config");
    assertThat(login.<String>path("tenant.realm")).isEqualTo(tenant);
    assertThat(login.<String>path("tenant.clientId")).isEqualTo("plexica-web");

    Platform.assertProblem(
        Platform.anonymous().queryParam("tenant", "no-such-tenant").get("/web-config"),
        404,
        "tenant-not-found");
    String suspended = Platform.uniqueSlug("web-off");
    Platform.createActiveTenant(suspended);
    // Found by its full name as well as its slug; suspended is said, not taken for missing.
    Response byName =
        Platform.anonymous().queryParam("tenant", "TENANT " + suspended).get("/web-config");
    assertThat(byName.<String>path("tenant.slug")).as(byName.asString()).isEqualTo(suspended);
    Platform.api().post("/tenants/" + suspended + "/suspend").then().statusCode(200);
    Response off = Platform.anonymous().queryParam("tenant", suspended).get("/web-config");
    Platform.assertProblem(off, 403, "tenant-unavailable");
    assertThat(off.<String>path("detail")).contains("is suspended");
  }

  @Test
  void tenantAdminsChangeTheirOwnTenantsSettingsAndBadInputChangesNothing() {
    Response own = Platform.asTenantAdmin(tenant).get("/tenant");
    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(own.<String>path("slug")).isEqualTo(tenant);

    Response changed =
        Platform.asTenantAdmin(tenant)
            .contentType("application/merge-patch+json")
            .body(
                "{\"name\":\"Web Tenant\",\"settings\":{\"locale\":\"fr\",\"timeZone\":\"Europe/Paris\"}}")
            .patch("/tenant");
    assertThat(changed.statusCode()).as(changed.asString()).isEqualTo(200);
    assertThat(changed.<String>path("name")).isEqualTo("Web Tenant");
    assertThat(changed.<String>path("settings.locale")).isEqualTo("fr");
    // The realm's login pages show the new name and speak the tenant's language by default.
    Response realm = Platform.keycloakAdmin().get("/admin/realms/" + tenant);
    assertThat(realm.<String>path("displayName")).isEqualTo("Web Tenant");
    assertThat(realm.<String>path("defaultLocale")).isEqualTo("fr");
    assertThat(realm.<Boolean>path("internationalizationEnabled")).isTrue();
    assertThat(realm.<List<String>>path("supportedLocales")).contains("en", "fr");
    // In the project's theme, whose heading is the name, as text even if it looked like markup.
    assertThat(realm.<String>path("loginTheme")).isEqualTo("plexica");
    assertThat(realm.<String>path("displayNameHtml")).contains(">Web Tenant<");
    // The web app speaks the organization's language to whoever chose none.
    assertThat(
            Platform.anonymous()
                .queryParam("tenant", tenant)
                .get("/web-config")
                .<String>path("tenant.locale"))
        .isEqualTo("fr");

    Response refused =
        Platform.asTenantAdmin(tenant)
            .contentType("application/merge-patch+json")
            .body("{\"name\":\"\",\"settings\":[1],\"slug\":\"other\"}")
            .patch("/tenant");
    Platform.assertProblem(refused, 400, "validation-failed");
    assertThat(refused.<List<String>>path("errors.field")).contains("name", "settings", "slug");
    Response after = Platform.asTenantAdmin(tenant).get("/tenant");
    assertThat(after.<String>path("name")).isEqualTo("Web Tenant");
    assertThat(after.<Map<String, Object>>path("settings"))
        .containsEntry("timeZone", "Europe/Paris");
  }

  @Test
  void pluginPagesAppearOnlyWhileThePluginIsEnabledAndTheirFilesAreServed() {
    assertThat(Platform.asTenantAdmin(tenant).get("/plugin-ui").<List<Object>>path("$")).isEmpty();
    Platform.asTenantAdmin(tenant)
        .body("{\"pluginId\":\"analytics\",\"config\":{\"label\":\"Web\"}}")
        .post("/plugin-installations")
        .then()
        .statusCode(201);

    Response uis = Platform.asTenantAdmin(tenant).get("/plugin-ui");
    assertThat(uis.<List<String>>path("pluginId")).containsExactly("analytics");
    assertThat(uis.<List<String>>path("[0].pages.path")).containsExactly("analytics");
    String module = uis.path("[0].module");
    assertThat(module).isEqualTo("/api/v1/plugin-ui-files/analytics/1.0.0/analytics.js");

    Response file = given().baseUri(Platform.BASE_URL).get(module);
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.contentType()).startsWith("text/javascript");
    // Browsers keep a version's files, but where versions are replaced in place (bin/plexica's
    // development and test platforms: mvn plexica:watch) they ask again.
    assertThat(file.header("Cache-Control"))
        .isEqualTo(
            Boolean.parseBoolean(Platform.env("PLEXICA_PLUGINS_REPLACE_IN_PLACE", "false"))
                ? "no-cache"
                : "public, max-age=31536000, immutable");
    assertThat(file.asString()).contains("from \"react\"", "export const pages");
    assertThat(file.header("Content-Security-Policy"))
        .as("a UI file opened on its own (an SVG) runs no script")
        .contains("default-src 'none'", "sandbox")
        .doesNotContain("script-src");

    Platform.assertProblem(
        Platform.anonymous().get("/plugin-ui-files/analytics/1.0.0/no-such.js"),
        404,
        "plugin-ui-file-not-found");
    Platform.assertProblem(
        Platform.anonymous().get("/plugin-ui-files/analytics/9.9.9/analytics.js"),
        404,
        "plugin-ui-file-not-found");
    // Only files under ui/: the bundle's manifest is not served.
    Platform.assertProblem(
        Platform.anonymous()
            .get("/plugin-ui-files/analytics/1.0.0/..%2FMETA-INF%2Fplexica%2Fplugin.json"),
        404,
        "plugin-ui-file-not-found");

    // A user without the page's permission does not see it.
    String guest = Platform.tokenOfNewUser(tenant, "guest-" + tenant, "guest");
    assertThat(Platform.anonymous().auth().oauth2(guest).get("/plugin-ui").<List<Object>>path("$"))
        .isEmpty();

    Platform.asTenantAdmin(tenant)
        .contentType("application/merge-patch+json")
        .body("{\"enabled\":false}")
        .patch("/plugin-installations/analytics")
        .then()
        .statusCode(200);
    assertThat(Platform.asTenantAdmin(tenant).get("/plugin-ui").<List<Object>>path("$")).isEmpty();
  }

  private static String importMapHash(String html) throws NoSuchAlgorithmException {
    Matcher map =
        Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL).matcher(html);
    assertThat(map.find()).as("the page has an import map").isTrue();
    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest(map.group(1).getBytes(StandardCharsets.UTF_8));
    return "sha256-" + Base64.getEncoder().encodeToString(digest);
  }
}
