package io.plexica.it;

import static io.plexica.it.Platform.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Default role permissions on the workspace endpoints, for users made in the tenant's real realm.
 */
class PermissionsIT {

  /** Creates a user with one realm role in the tenant's realm through Keycloak's admin API. */
  private static String tokenOfNewUser(String realm, String username, String role) {
    Platform.keycloakAdmin()
        .body(
            ("{\"username\":\"%s\",\"email\":\"%s@example.com\",\"firstName\":\"Test\","
                    + "\"lastName\":\"%s\",\"enabled\":true,\"emailVerified\":true,"
                    + "\"credentials\":[{\"type\":\"password\",\"value\":\"secret\",\"temporary\":false}]}")
                .formatted(username, username, role))
        .post("/admin/realms/" + realm + "/users")
        .then()
        .statusCode(201);
    String userId =
        Platform.keycloakAdmin()
            .queryParam("username", username)
            .queryParam("exact", true)
            .get("/admin/realms/" + realm + "/users")
            .path("[0].id");
    String roleRepresentation =
        Platform.keycloakAdmin().get("/admin/realms/" + realm + "/roles/" + role).asString();
    Platform.keycloakAdmin()
        .body("[" + roleRepresentation + "]")
        .post("/admin/realms/" + realm + "/users/" + userId + "/role-mappings/realm")
        .then()
        .statusCode(204);
    return Platform.token(realm, username, "secret");
  }

  @Test
  void guestsReadWorkspacesButCannotCreateThem() {
    String slug = Platform.uniqueSlug("perm");
    Platform.createActiveTenant(slug);
    String guest = tokenOfNewUser(slug, "gina", "guest");
    String user = tokenOfNewUser(slug, "ursula", "user");

    Platform.anonymous().auth().oauth2(guest).get("/workspaces").then().statusCode(200);
    Response denied =
        Platform.anonymous()
            .auth()
            .oauth2(guest)
            .body("{\"slug\":\"guests\",\"name\":\"Guests\"}")
            .post("/workspaces");
    assertProblem(denied, 403, "permission-denied");
    assertThat(denied.<String>path("detail")).contains("workspaces:create");
    Platform.anonymous()
        .auth()
        .oauth2(user)
        .body("{\"slug\":\"users\",\"name\":\"Users\"}")
        .post("/workspaces")
        .then()
        .statusCode(201);

    Response me = Platform.anonymous().auth().oauth2(guest).get("/me");
    assertThat(me.<List<String>>path("permissions"))
        .contains("workspaces:read")
        .doesNotContain("workspaces:create");
    assertThat(Platform.asTenantAdmin(slug).get("/me").<List<String>>path("permissions"))
        .contains("users:invite", "workspaces:create");
  }

  @Test
  void aUserWithoutAnyPlatformRoleIsDenied() {
    String slug = Platform.uniqueSlug("noperm");
    Platform.createActiveTenant(slug);
    String nobody = tokenOfNewUser(slug, "nora", "offline_access");

    assertProblem(
        Platform.anonymous().auth().oauth2(nobody).get("/workspaces"), 403, "permission-denied");
  }
}
