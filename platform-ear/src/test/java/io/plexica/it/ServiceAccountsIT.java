package io.plexica.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Service accounts as an integrator's program uses them: made by a tenant administrator, tokens by
 * the client-credentials grant at the tenant realm's token endpoint, the API with the account's
 * roles, and every change (roles, disabling, a new secret, deletion) counting from the next
 * request.
 */
class ServiceAccountsIT {
  private static String tenant;

  @BeforeAll
  static void tenant() {
    tenant = Platform.uniqueSlug("robots");
    Platform.createActiveTenant(tenant);
  }

  @Test
  void aProgramGetsATokenByClientCredentialsAndActsWithItsRoles() {
    Response created = Platform.createServiceAccount(tenant, "CI deploys", "user");
    String id = created.path("serviceAccount.id");
    assertThat(created.header("Location")).endsWith("/api/v1/service-accounts/" + id);
    assertThat(created.<String>path("credentials.clientId")).startsWith("sa-ci-deploys-");
    assertThat(created.<String>path("credentials.tokenEndpoint"))
        .isEqualTo(Platform.KEYCLOAK_URL + "/realms/" + tenant + "/protocol/openid-connect/token");
    String token = token(created);

    Response me = as(token).get("/me");
    assertThat(me.statusCode()).as(me.asString()).isEqualTo(200);
    assertThat(me.<Boolean>path("serviceAccount")).isTrue();
    assertThat(me.<String>path("subject")).isEqualTo(id);
    assertThat(me.<List<String>>path("roles")).containsExactly("user");
    assertThat(me.<String>path("tenant.slug")).isEqualTo(tenant);

    Response workspace =
        as(token).body(Map.of("slug", "robot-made", "name", "Robot made")).post("/workspaces");
    assertThat(workspace.statusCode()).as(workspace.asString()).isEqualTo(201);
    as(token).get("/users").then().statusCode(200);

    RequestSpecification admin = Platform.asTenantAdmin(tenant);
    assertThat(admin.get("/users").<List<String>>path("items.id"))
        .as("the users endpoints list people")
        .doesNotContain(id);
    Platform.assertProblem(admin.get("/users/" + id), 404, "user-not-found");
    Response listed = admin.get("/service-accounts");
    assertThat(listed.<List<String>>path("name")).contains("CI deploys");
    assertThat(listed.asString()).doesNotContain(created.<String>path("credentials.clientSecret"));
    assertThat(
            admin.get("/audit?action=service_account.created").<List<String>>path("items.targetId"))
        .contains(id);
  }

  @Test
  void rolesAndDisablingCountFromTheNextRequest() {
    Response created = Platform.createServiceAccount(tenant, "Reader", "guest");
    String id = created.path("serviceAccount.id");
    String token = token(created);
    Platform.assertProblem(
        as(token).body(Map.of("slug", "reader-ws", "name", "R")).post("/workspaces"),
        403,
        "permission-denied");

    RequestSpecification admin = Platform.asTenantAdmin(tenant);
    admin
        .body(Map.of("roles", List.of("user")))
        .patch("/service-accounts/" + id)
        .then()
        .statusCode(200);
    as(token)
        .body(Map.of("slug", "reader-ws", "name", "R"))
        .post("/workspaces")
        .then()
        .statusCode(201);

    admin.body(Map.of("enabled", false)).patch("/service-accounts/" + id).then().statusCode(200);
    Platform.assertProblem(as(token).get("/workspaces"), 401, "account-disabled");
    assertThat(credentialsGrant(created).statusCode())
        .as("a disabled account gets no token")
        .isIn(400, 401);

    admin.body(Map.of("enabled", true)).patch("/service-accounts/" + id).then().statusCode(200);
    as(token(created)).get("/workspaces").then().statusCode(200);
  }

  @Test
  void aNewSecretRetiresTheOldOne() {
    Response created = Platform.createServiceAccount(tenant, "Rotated", "user");
    String id = created.path("serviceAccount.id");
    Response rotated = Platform.asTenantAdmin(tenant).post("/service-accounts/" + id + "/secret");
    assertThat(rotated.statusCode()).as(rotated.asString()).isEqualTo(200);
    assertThat(rotated.<String>path("clientSecret"))
        .isNotBlank()
        .isNotEqualTo(created.path("credentials.clientSecret"));

    assertThat(credentialsGrant(created).statusCode()).isEqualTo(401);
    Response fresh =
        Platform.clientCredentials(
            rotated.path("tokenEndpoint"), rotated.path("clientId"), rotated.path("clientSecret"));
    assertThat(fresh.statusCode()).as(fresh.asString()).isEqualTo(200);
    assertThat(
            Platform.asTenantAdmin(tenant)
                .get("/service-accounts/" + id)
                .<String>path("secretRotatedAt"))
        .isGreaterThan(created.path("serviceAccount.secretRotatedAt"));
  }

  @Test
  void deletingAnAccountEndsItsTokensAndItsClient() {
    Response created = Platform.createServiceAccount(tenant, "Short lived", "user");
    String id = created.path("serviceAccount.id");
    String token = token(created);
    as(token).get("/workspaces").then().statusCode(200);

    Platform.asTenantAdmin(tenant).delete("/service-accounts/" + id).then().statusCode(204);

    Platform.assertProblem(as(token).get("/workspaces"), 401, "invalid-token");
    Platform.assertProblem(
        Platform.asTenantAdmin(tenant).get("/service-accounts/" + id),
        404,
        "service-account-not-found");
    assertThat(clientsNamed(created.path("credentials.clientId"))).isEmpty();
    assertThat(credentialsGrant(created).statusCode()).isIn(400, 401);
  }

  @Test
  void nobodyHandsOutMoreThanTheyHoldAndNothingIsLeftOfARefusal() {
    RequestSpecification admin = Platform.asTenantAdmin(tenant);
    admin
        .body(
            Map.of(
                "name",
                "robot-keeper",
                "permissions",
                List.of("service-accounts:manage", "tenant:read", "workspaces:read")))
        .post("/roles")
        .then()
        .statusCode(201);
    String keeper = Platform.tokenOfNewUser(tenant, "keeper", "robot-keeper");
    int clients = realmClients();

    Platform.assertProblem(
        as(keeper)
            .body(Map.of("name", "Escalator", "roles", List.of("admin")))
            .post("/service-accounts"),
        403,
        "permission-denied");
    Platform.assertProblem(
        admin.body(Map.of("name", " ", "roles", List.of("nope"))).post("/service-accounts"),
        400,
        "validation-failed");
    Platform.assertProblem(
        admin
            .body(Map.of("name", "Typo", "roles", List.of("no-such-role")))
            .post("/service-accounts"),
        400,
        "validation-failed");
    Platform.createServiceAccount(tenant, "Unique", "guest");
    Platform.assertProblem(
        admin.body(Map.of("name", "UNIQUE", "roles", List.of("guest"))).post("/service-accounts"),
        409,
        "service-account-exists");
    assertThat(realmClients()).as("only the one account made has a client").isEqualTo(clients + 1);

    Response mine =
        as(keeper)
            .body(Map.of("name", "Kept low", "roles", List.of("robot-keeper")))
            .post("/service-accounts");
    assertThat(mine.statusCode()).as(mine.asString()).isEqualTo(201);
    Platform.assertProblem(
        as(keeper)
            .body(Map.of("roles", List.of("admin")))
            .patch("/service-accounts/" + mine.path("serviceAccount.id")),
        403,
        "permission-denied");
  }

  @Test
  void anAccountStaysInItsTenant() {
    Response created = Platform.createServiceAccount(tenant, "Homebody", "user");
    String id = created.path("serviceAccount.id");
    String other = Platform.uniqueSlug("robots-b");
    Platform.createActiveTenant(other);

    Platform.assertProblem(
        Platform.asTenantAdmin(other).get("/service-accounts/" + id),
        404,
        "service-account-not-found");
    Platform.assertProblem(
        Platform.asTenantAdmin(other).delete("/service-accounts/" + id),
        404,
        "service-account-not-found");
    Platform.assertProblem(
        as(token(created)).header("X-Tenant-ID", other).get("/workspaces"),
        401,
        "token-tenant-mismatch");
    Platform.assertProblem(as(token(created)).get("/tenants"), 403, "forbidden");
  }

  @Test
  void aSyncWithTheRealmLeavesAccountsAlone() {
    Response created = Platform.createServiceAccount(tenant, "Synced", "user");
    String token = token(created);
    Platform.asTenantAdmin(tenant).post("/users/sync").then().statusCode(200);

    Response me = as(token).get("/me");
    assertThat(me.statusCode()).as(me.asString()).isEqualTo(200);
    assertThat(me.<List<String>>path("roles")).containsExactly("user");
  }

  private static RequestSpecification as(String token) {
    return Platform.anonymous().auth().oauth2(token);
  }

  private static Response credentialsGrant(Response created) {
    return Platform.clientCredentials(
        created.path("credentials.tokenEndpoint"),
        created.path("credentials.clientId"),
        created.path("credentials.clientSecret"));
  }

  private static String token(Response created) {
    Response token = credentialsGrant(created);
    assertThat(token.statusCode()).as(token.asString()).isEqualTo(200);
    return token.path("access_token");
  }

  private static List<Object> clientsNamed(String clientId) {
    return Platform.keycloakAdmin()
        .queryParam("clientId", clientId)
        .get("/admin/realms/" + tenant + "/clients")
        .path("$");
  }

  private static int realmClients() {
    return Platform.keycloakAdmin()
        .get("/admin/realms/" + tenant + "/clients")
        .<List<Object>>path("$")
        .size();
  }
}
