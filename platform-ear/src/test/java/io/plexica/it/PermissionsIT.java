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

  @Test
  void guestsReadWorkspacesButCannotCreateThem() {
    String slug = Platform.uniqueSlug("perm");
    Platform.createActiveTenant(slug);
    String guest = Platform.tokenOfNewUser(slug, "gina", "guest");
    String user = Platform.tokenOfNewUser(slug, "ursula", "user");

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
    String nobody = Platform.tokenOfNewUser(slug, "nora", "offline_access");

    assertProblem(
        Platform.anonymous().auth().oauth2(nobody).get("/workspaces"), 403, "permission-denied");
  }
}
