package io.plexica.it;

import static io.plexica.it.Platform.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A tenant's users over HTTP with real logins: an invitation through to the first request, role
 * changes and disabling effective on the next request of a token already issued, the rules that
 * protect the last administrator, bad input, and the super-admin's view across tenants.
 */
class UsersIT {
  private static String tenant;

  @BeforeAll
  static void tenant() {
    tenant = Platform.uniqueSlug("users");
    Platform.createActiveTenant(tenant);
  }

  private static RequestSpecification admin() {
    return Platform.asTenantAdmin(tenant);
  }

  private static RequestSpecification as(String token) {
    return Platform.anonymous().auth().oauth2(token);
  }

  private static String invite(String name, String role) {
    String email = name + "@" + tenant + ".example";
    Response invited =
        admin()
            .body(
                "{\"email\":\"%s\",\"firstName\":\"%s\",\"lastName\":\"Test\",\"roles\":[\"%s\"],\"temporaryPassword\":\"first-pass-1\"}"
                    .formatted(email, name, role))
            .post("/users");
    assertThat(invited.statusCode()).as(invited.asString()).isEqualTo(201);
    assertThat(invited.<String>path("status")).isEqualTo("INVITED");
    assertThat(invited.header("Location")).endsWith("/users/" + invited.path("id"));
    return email;
  }

  @Test
  void anInvitedUserLogsInAndChangesToItsRolesCountFromItsNextRequest() {
    String email = invite("grace", "user");
    String token = Platform.completeInvitation(tenant, email, "grace-secret-1");

    Response me = as(token).get("/me");
    assertThat(me.<List<String>>path("roles")).containsExactly("user");
    String id = me.path("subject");
    assertThat(admin().get("/users/" + id).<String>path("status")).isEqualTo("ACTIVE");
    as(token)
        .body("{\"slug\":\"grace\",\"name\":\"Grace\"}")
        .post("/workspaces")
        .then()
        .statusCode(201);

    admin().body("{\"roles\":[\"guest\"]}").put("/users/" + id + "/roles").then().statusCode(200);

    assertProblem(
        as(token).body("{\"slug\":\"grace-2\",\"name\":\"Grace\"}").post("/workspaces"),
        403,
        "permission-denied");
    assertThat(as(token).get("/me").<List<String>>path("roles")).containsExactly("guest");

    admin().post("/users/" + id + "/disable").then().statusCode(200);
    assertProblem(as(token).get("/workspaces"), 401, "account-disabled");
    assertProblem(as(token).get("/me"), 401, "account-disabled");

    admin().post("/users/" + id + "/enable").then().statusCode(200);
    assertThat(as(token).get("/workspaces").statusCode()).isEqualTo(200);
  }

  @Test
  void theLastAdministratorKeepsItsRoleAndNobodyDisablesThemselves() {
    String adminId = admin().get("/me").path("subject");

    assertProblem(
        admin().body("{\"roles\":[\"user\"]}").put("/users/" + adminId + "/roles"),
        409,
        "last-admin");
    assertProblem(admin().post("/users/" + adminId + "/disable"), 409, "own-account");
    assertThat(admin().get("/me").<List<String>>path("roles")).contains("admin");
  }

  @Test
  void badInvitationsAreRefusedWithEveryReason() {
    Response bad =
        admin()
            .body(
                "{\"email\":\"not-an-address\",\"firstName\":\"\",\"temporaryPassword\":\"short\"}")
            .post("/users");
    assertProblem(bad, 400, "validation-failed");
    assertThat(bad.<List<String>>path("errors.field"))
        .contains("email", "firstName", "lastName", "temporaryPassword");

    Response unknownRole =
        admin()
            .body(
                "{\"email\":\"x@example.com\",\"firstName\":\"X\",\"lastName\":\"Y\",\"roles\":[\"wizard\"]}")
            .post("/users");
    assertProblem(unknownRole, 400, "validation-failed");
    assertThat(unknownRole.<String>path("detail")).contains("wizard");

    String email = invite("dup", "guest");
    assertProblem(
        admin()
            .body("{\"email\":\"%s\",\"firstName\":\"D\",\"lastName\":\"U\"}".formatted(email))
            .post("/users"),
        409,
        "user-exists");
  }

  @Test
  void usersAreListedSearchedAndPaged() {
    invite("ada", "user");
    invite("alan", "guest");

    Response page = admin().queryParam("q", "ada@").get("/users");
    assertThat(page.<List<String>>path("items.username"))
        .containsExactly("ada@" + tenant + ".example");
    assertThat(
            admin()
                .queryParam("role", "guest")
                .get("/users")
                .<List<String>>path("items.roles.flatten()"))
        .containsOnly("guest");
    Response small = admin().queryParam("size", 1).get("/users");
    assertThat(small.<List<Object>>path("items")).hasSize(1);
    assertThat(small.<Integer>path("total")).isGreaterThanOrEqualTo(3);
    assertProblem(admin().queryParam("size", 1000).get("/users"), 400, "validation-failed");
    assertThat(admin().post("/users/sync").<Integer>path("removed")).isZero();
  }

  @Test
  void superAdminsSearchUsersAcrossTenants() {
    String other = Platform.uniqueSlug("users-b");
    Platform.createActiveTenant(other);

    // Narrowed to this test's tenants: the shared test database holds many tenants by now.
    Response admins =
        Platform.api()
            .queryParam("role", "admin")
            .queryParam("q", "admin@users-")
            .queryParam("size", 100)
            .get("/admin/users");
    assertThat(admins.statusCode()).isEqualTo(200);
    assertThat(admins.<List<String>>path("items.tenantSlug")).contains(tenant, other);

    Response one = Platform.api().queryParam("tenant", other).get("/admin/users");
    assertThat(one.<List<String>>path("items.tenantSlug")).containsOnly(other);
    assertThat(one.<List<String>>path("items.email")).containsExactly(Platform.adminOf(other));

    Response partly =
        Platform.api()
            .queryParam("tenant", other.substring(other.length() - 8))
            .get("/admin/users");
    assertThat(partly.<List<String>>path("items.tenantSlug")).containsOnly(other);

    Response byText = Platform.api().queryParam("q", Platform.adminOf(tenant)).get("/admin/users");
    assertThat(byText.<List<String>>path("items.tenantSlug")).containsExactly(tenant);
    assertProblem(admin().get("/admin/users"), 403, "forbidden");
  }
}
