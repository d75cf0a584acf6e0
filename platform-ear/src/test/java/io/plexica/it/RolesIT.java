package io.plexica.it;

import static io.plexica.it.Platform.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Custom roles over HTTP: a role made by the tenant admin, given to a user, then narrowed and
 * deleted, each change effective on the user's next request with the token it already holds.
 */
class RolesIT {

  @Test
  void aCustomRoleGrantsExactlyItsPermissionsUntilChangedOrDeleted() {
    String tenant = Platform.uniqueSlug("roles");
    Platform.createActiveTenant(tenant);
    RequestSpecification admin = Platform.asTenantAdmin(tenant);

    Response created =
        admin
            .body(
                "{\"name\":\"editor\",\"description\":\"Edits\",\"permissions\":[\"workspaces:read\",\"workspaces:create\"]}")
            .post("/roles");
    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    assertThat(
            Platform.keycloakAdmin().get("/admin/realms/" + tenant + "/roles/editor").statusCode())
        .isEqualTo(200);

    admin
        .body(
            "{\"email\":\"ed@example.com\",\"firstName\":\"Ed\",\"lastName\":\"Itor\",\"roles\":[\"editor\"]}")
        .post("/users")
        .then()
        .statusCode(201);
    String token = Platform.completeInvitation(tenant, "ed@example.com", "editor-secret-1");
    RequestSpecification editor = Platform.anonymous().auth().oauth2(token);
    editor.body("{\"slug\":\"ed\",\"name\":\"Ed\"}").post("/workspaces").then().statusCode(201);

    admin
        .contentType("application/merge-patch+json")
        .body("{\"permissions\":[\"workspaces:read\"]}")
        .patch("/roles/editor")
        .then()
        .statusCode(200);
    assertProblem(
        Platform.anonymous()
            .auth()
            .oauth2(token)
            .body("{\"slug\":\"ed2\",\"name\":\"Ed\"}")
            .post("/workspaces"),
        403,
        "permission-denied");
    assertThat(Platform.anonymous().auth().oauth2(token).get("/workspaces").statusCode())
        .isEqualTo(200);

    Platform.asTenantAdmin(tenant).delete("/roles/editor").then().statusCode(204);
    assertProblem(
        Platform.anonymous().auth().oauth2(token).get("/workspaces"), 403, "permission-denied");
    assertThat(
            Platform.keycloakAdmin().get("/admin/realms/" + tenant + "/roles/editor").statusCode())
        .isEqualTo(404);
  }

  @Test
  void rolesAndPermissionsAreListedAndBadChangesRefused() {
    String tenant = Platform.uniqueSlug("roles-bad");
    Platform.createActiveTenant(tenant);
    RequestSpecification admin = Platform.asTenantAdmin(tenant);

    assertThat(admin.get("/roles").<List<String>>path("name")).contains("admin", "user", "guest");
    assertThat(Platform.asTenantAdmin(tenant).get("/permissions").<List<String>>path("name"))
        .contains("users:invite", "roles:manage", "workspaces:create");

    Response unknown =
        Platform.asTenantAdmin(tenant)
            .body("{\"name\":\"Bad Name\",\"permissions\":[\"rockets:launch\",\"nope\"]}")
            .post("/roles");
    assertProblem(unknown, 400, "validation-failed");
    assertThat(unknown.<List<String>>path("errors.field")).contains("name", "permissions");
    Response notInCatalog =
        Platform.asTenantAdmin(tenant)
            .body("{\"name\":\"rocketeer\",\"permissions\":[\"rockets:launch\"]}")
            .post("/roles");
    assertProblem(notInCatalog, 400, "validation-failed");
    assertThat(notInCatalog.<String>path("detail")).contains("rockets:launch");

    assertProblem(Platform.asTenantAdmin(tenant).delete("/roles/user"), 409, "built-in-role");
    assertProblem(
        Platform.asTenantAdmin(tenant).body("{\"permissions\":[]}").patch("/roles/admin"),
        409,
        "built-in-role");
    assertProblem(
        Platform.asTenantAdmin(tenant).body("{\"name\":\"x\"}").patch("/roles/guest"),
        400,
        "validation-failed");
  }
}
