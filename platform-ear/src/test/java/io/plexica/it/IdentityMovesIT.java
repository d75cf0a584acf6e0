package io.plexica.it;

import static io.plexica.it.Platform.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.plexica.testing.Await;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A tenant's people moved between a realm of its own and an organization of a shared realm, and
 * back, through the API as a platform administrator runs it: every person signs in at the new home
 * with the password they had, keeps their id and their data, a service account keeps its client
 * secret, and tokens of the old home stop working.
 */
class IdentityMovesIT {

  private static RequestSpecification as(String token) {
    return Platform.anonymous().auth().oauth2(token);
  }

  private static Response move(String slug, String home) {
    return Platform.api()
        .body(Map.of("identityHome", home))
        .post("/tenants/" + slug + "/identity-moves");
  }

  /** Starts a move, waits for it to end, and returns it as it ended. */
  private static Response moved(String slug, String home) {
    Response started = move(slug, home);
    assertThat(started.statusCode()).as(started.asString()).isEqualTo(202);
    String id = started.path("id");
    Await.latest(
        () ->
            Platform.api()
                .get("/tenants/" + slug + "/identity-moves")
                .<String>path("items.find { it.id == '" + id + "' }.state"),
        state -> !"RUNNING".equals(state),
        Duration.ofSeconds(60),
        Duration.ofMillis(200));
    return Platform.api().get("/tenants/" + slug + "/identity-moves");
  }

  @Test
  void peopleAndServiceAccountsMoveToAnOrganizationAndBackWithTheirPasswordsAndSecrets() {
    String slug = Platform.uniqueSlug("homes");
    Platform.createActiveTenant(slug);
    String adminBefore = Platform.token(slug, Platform.adminOf(slug), Platform.DEV_PASSWORD);
    String adminId = as(adminBefore).get("/me").path("id");
    String workspace =
        as(adminBefore)
            .body(Map.of("slug", "plans", "name", "Plans"))
            .post("/workspaces")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String ada = "ada-" + slug;
    String adaId = as(Platform.tokenOfNewUser(slug, ada, "user")).get("/me").path("id");
    Response robot = Platform.createServiceAccount(slug, "robot", "user");
    String clientId = robot.path("credentials.clientId");
    String secret = robot.path("credentials.clientSecret");

    Response there = moved(slug, "ORGANIZATION");

    assertThat(there.<String>path("items[0].state")).as(there.asString()).isEqualTo("DONE");
    assertThat(there.<Integer>path("items[0].people")).isEqualTo(2);
    assertThat(there.<Integer>path("items[0].serviceAccounts")).isEqualTo(1);
    Response tenant = Platform.api().get("/tenants/" + slug);
    assertThat(tenant.<String>path("placement.identityHome")).isEqualTo("ORGANIZATION");
    String shared = tenant.path("placement.realm");
    assertThat(shared).startsWith("plexica_shard_");
    assertThat(Platform.keycloakAdmin().get("/admin/realms/" + slug).statusCode())
        .as("its own realm, removed")
        .isEqualTo(404);

    String admin =
        Platform.tokenInOrganization(shared, slug, Platform.adminOf(slug), Platform.DEV_PASSWORD);
    assertThat(as(admin).get("/me").<String>path("id")).isEqualTo(adminId);
    assertThat(as(admin).get("/workspaces").<List<String>>path("id")).contains(workspace);
    assertThat(
            as(Platform.tokenInOrganization(shared, slug, ada, "secret"))
                .get("/me")
                .<String>path("id"))
        .as("Ada signs in with the password she had, as herself")
        .isEqualTo(adaId);
    as(adminBefore).get("/workspaces").then().statusCode(401);
    Response robotToken = Platform.clientCredentials(tokenEndpoint(shared), clientId, secret);
    assertThat(robotToken.statusCode()).as(robotToken.asString()).isEqualTo(200);
    as(robotToken.path("access_token")).get("/workspaces").then().statusCode(200);

    Response back = moved(slug, "REALM");

    assertThat(back.<String>path("items[0].state")).as(back.asString()).isEqualTo("DONE");
    assertThat(Platform.api().get("/tenants/" + slug).<String>path("placement.realm"))
        .isEqualTo(slug);
    String adminAgain = Platform.token(slug, Platform.adminOf(slug), Platform.DEV_PASSWORD);
    assertThat(as(adminAgain).get("/me").<String>path("id")).isEqualTo(adminId);
    assertThat(as(adminAgain).get("/workspaces").<List<String>>path("id")).contains(workspace);
    assertThat(as(Platform.token(slug, ada, "secret")).get("/me").<String>path("id"))
        .isEqualTo(adaId);
    as(admin).get("/workspaces").then().statusCode(401);
    Response robotAgain = Platform.clientCredentials(tokenEndpoint(slug), clientId, secret);
    assertThat(robotAgain.statusCode()).as(robotAgain.asString()).isEqualTo(200);
    as(robotAgain.path("access_token")).get("/workspaces").then().statusCode(200);
  }

  @Test
  void aMoveThatCannotBeMadeIsRefusedWithAProblem() {
    String slug = Platform.uniqueSlug("homes-no");
    Platform.createActiveTenant(slug);

    assertProblem(move(slug, "CASTLE"), 400, "validation-failed");
    assertProblem(
        Platform.api().body("{}").post("/tenants/" + slug + "/identity-moves"),
        400,
        "validation-failed");
    assertProblem(move(slug, "REALM"), 409, "tenant-illegal-state-change");
    assertProblem(move(Platform.uniqueSlug("nobody"), "ORGANIZATION"), 404, "tenant-not-found");
    assertThat(Platform.api().get("/tenants/" + slug + "/identity-moves").<List<?>>path("items"))
        .isEmpty();
  }

  private static String tokenEndpoint(String realm) {
    return Platform.KEYCLOAK_URL + "/realms/" + realm + "/protocol/openid-connect/token";
  }
}
