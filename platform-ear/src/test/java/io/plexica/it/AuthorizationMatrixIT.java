package io.plexica.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every endpoint of the API against every kind of caller, on the running platform with real
 * Keycloak tokens. Requests are built so that a caller who gets through meets a harmless answer
 * (400 for an empty body, 404 for an id that does not exist), so the matrix changes nothing.
 *
 * <p>The "other admin" is the administrator of tenant B naming tenant A in {@code X-Tenant-ID}. The
 * service account of tenant A holds {@code user}, and is let through or refused exactly like a
 * person holding it.
 *
 * <p>The whole matrix runs for both identity homes: tenants A and B with realms of their own, and
 * tenants A and B as two organizations of the same shared realm, whose people sign in to their
 * organization (so "other admin" there is the cross-organization case).
 */
class AuthorizationMatrixIT {
  enum Caller {
    ANONYMOUS,
    GUEST,
    USER,
    TENANT_ADMIN,
    OTHER_TENANT_ADMIN,
    SUPER_ADMIN,
    SERVICE_ACCOUNT,
    /** A plugin vendor's account: the platform realm, role plugin-vendor. */
    VENDOR
  }

  /** Where tenants A and B keep their people. */
  enum Home {
    OWN_REALM,
    SHARED_REALM
  }

  private static final String NO_ID = UUID.randomUUID().toString();
  private static final String NO_TENANT = "no-such-" + UUID.randomUUID().toString().substring(0, 8);
  private static final Map<Home, String> TENANT_A = new EnumMap<>(Home.class);
  private static final Map<Home, Map<Caller, String>> TOKENS = new EnumMap<>(Home.class);

  @BeforeAll
  static void callers() {
    String tenantA = Platform.uniqueSlug("matrix-a");
    String tenantB = Platform.uniqueSlug("matrix-b");
    Platform.createActiveTenant(tenantA);
    Platform.createActiveTenant(tenantB);
    Map<Caller, String> tokens = new EnumMap<>(Caller.class);
    tokens.put(Caller.GUEST, Platform.tokenOfNewUser(tenantA, "gus", "guest"));
    tokens.put(Caller.USER, Platform.tokenOfNewUser(tenantA, "uma", "user"));
    tokens.put(
        Caller.TENANT_ADMIN,
        Platform.token(tenantA, Platform.adminOf(tenantA), Platform.DEV_PASSWORD));
    tokens.put(
        Caller.OTHER_TENANT_ADMIN,
        Platform.token(tenantB, Platform.adminOf(tenantB), Platform.DEV_PASSWORD));
    tokens.put(Caller.SUPER_ADMIN, Platform.superAdminToken());
    tokens.put(
        Caller.SERVICE_ACCOUNT, Platform.tokenOfNewServiceAccount(tenantA, "matrix robot", "user"));
    tokens.put(Caller.VENDOR, Platform.newVendor("matrix").token());
    TENANT_A.put(Home.OWN_REALM, tenantA);
    TOKENS.put(Home.OWN_REALM, tokens);
    organizationCallers();
  }

  /** Tenants A and B as organizations of one shared realm, and the callers of A and B there. */
  private static void organizationCallers() {
    String tenantA = Platform.uniqueSlug("matrix-oa");
    String tenantB = Platform.uniqueSlug("matrix-ob");
    String realm = Platform.createActiveOrganizationTenant(tenantA).path("placement.realm");
    assertThat(Platform.createActiveOrganizationTenant(tenantB).<String>path("placement.realm"))
        .as("both organizations in one shared realm")
        .isEqualTo(realm);
    String admin =
        Platform.tokenInOrganization(
            realm, tenantA, Platform.adminOf(tenantA), Platform.DEV_PASSWORD);
    Map<Caller, String> tokens = new EnumMap<>(Caller.class);
    tokens.put(Caller.GUEST, personInOrganization(realm, tenantA, admin, "gus", "guest"));
    tokens.put(Caller.USER, personInOrganization(realm, tenantA, admin, "uma", "user"));
    tokens.put(Caller.TENANT_ADMIN, admin);
    tokens.put(
        Caller.OTHER_TENANT_ADMIN,
        Platform.tokenInOrganization(
            realm, tenantB, Platform.adminOf(tenantB), Platform.DEV_PASSWORD));
    tokens.put(Caller.SUPER_ADMIN, Platform.superAdminToken());
    Response robot =
        Platform.anonymous()
            .auth()
            .oauth2(admin)
            .body("{\"name\":\"matrix robot\",\"roles\":[\"user\"]}")
            .post("/service-accounts");
    tokens.put(Caller.SERVICE_ACCOUNT, Platform.tokenOfServiceAccount(robot));
    tokens.put(Caller.VENDOR, TOKENS.get(Home.OWN_REALM).get(Caller.VENDOR));
    TENANT_A.put(Home.SHARED_REALM, tenantA);
    TOKENS.put(Home.SHARED_REALM, tokens);
  }

  /**
   * A person invited into the organization's tenant with {@code role} (in a shared realm roles are
   * the platform's), who then signs in to the organization.
   */
  private static String personInOrganization(
      String realm, String tenant, String adminToken, String name, String role) {
    String email = name + "@" + tenant + ".example";
    Response invited =
        Platform.anonymous()
            .auth()
            .oauth2(adminToken)
            .body(
                ("{\"email\":\"%s\",\"firstName\":\"%s\",\"lastName\":\"Matrix\","
                        + "\"roles\":[\"%s\"],\"temporaryPassword\":\"first-pass-1\"}")
                    .formatted(email, name, role))
            .post("/users");
    assertThat(invited.statusCode()).as(invited.asString()).isEqualTo(201);
    Platform.completeInvitation(realm, email, name + "-secret-1");
    return Platform.tokenInOrganization(realm, tenant, email, name + "-secret-1");
  }

  /** One endpoint and the status each caller must get; the body sent as {@code contentType}. */
  record Row(
      String method, String path, String body, String contentType, Map<Caller, Integer> expected) {
    Row(String method, String path, String body, Map<Caller, Integer> expected) {
      this(method, path, body, "application/json", expected);
    }

    /** The same row with a body that is one byte, sent as a jar (not a bundle). */
    Row withBundle() {
      return new Row(method, path, "x", "application/java-archive", expected);
    }

    /** The same row with the vendor's status. */
    Row forVendor(int status) {
      Map<Caller, Integer> statuses = new EnumMap<>(expected);
      statuses.put(Caller.VENDOR, status);
      return new Row(method, path, body, contentType, statuses);
    }
  }

  /** Platform management: super-admins only; tenant and vendor tokens are forbidden. */
  private static Row platform(String method, String path, String body, int allowed) {
    return row(method, path, body, 401, 403, 403, 403, 403, allowed);
  }

  /** A vendor's own account: vendors only; platform administrators and tenants are forbidden. */
  private static Row vendor(String method, String path, String body, int allowed) {
    Map<Caller, Integer> expected = new EnumMap<>(Caller.class);
    for (Caller caller : Caller.values()) {
      expected.put(caller, 403);
    }
    expected.put(Caller.ANONYMOUS, 401);
    expected.put(Caller.VENDOR, allowed);
    return new Row(method, path, body, expected);
  }

  /**
   * Inside the tenant: the guest, user and admin statuses follow their permissions; the other
   * tenant's admin is refused for naming tenant A; the super-admin does not act inside tenants.
   */
  private static Row tenant(
      String method, String path, String body, int guest, int user, int admin) {
    return row(method, path, body, 401, guest, user, admin, 401, 403);
  }

  /** Statuses of the people and the super-admin in order; the service account's is the user's. */
  private static Row row(String method, String path, String body, int... statuses) {
    Map<Caller, Integer> expected = new EnumMap<>(Caller.class);
    for (int i = 0; i < statuses.length; i++) {
      expected.put(Caller.values()[i], statuses[i]);
    }
    expected.put(Caller.SERVICE_ACCOUNT, expected.get(Caller.USER));
    // A vendor's token is of the platform realm: neither a platform administrator nor a tenant's.
    expected.put(Caller.VENDOR, 403);
    return new Row(method, path, body, expected);
  }

  private static List<Row> matrix(Home home) {
    String tenantA = TENANT_A.get(home);
    List<Row> rows = new ArrayList<>();
    rows.add(platform("GET", "/tenants", null, 200));
    rows.add(platform("POST", "/tenants", "{}", 400));
    rows.add(platform("GET", "/tenants/" + tenantA, null, 200));
    rows.add(platform("GET", "/tenants/" + tenantA + "/provisioning", null, 200));
    rows.add(platform("PATCH", "/tenants/" + NO_TENANT, "{}", 404));
    rows.add(platform("POST", "/tenants/" + NO_TENANT + "/suspend", null, 404));
    rows.add(platform("POST", "/tenants/" + NO_TENANT + "/activate", null, 404));
    rows.add(platform("POST", "/tenants/" + NO_TENANT + "/retry", null, 404));
    rows.add(platform("DELETE", "/tenants/" + NO_TENANT, null, 404));
    rows.add(platform("GET", "/tenants/" + tenantA + "/database-moves", null, 200));
    rows.add(
        platform(
            "POST",
            "/tenants/" + NO_TENANT + "/database-moves",
            "{\"databaseCluster\":\"main\"}",
            404));
    rows.add(platform("GET", "/tenants/" + tenantA + "/identity-moves", null, 200));
    rows.add(
        platform(
            "POST",
            "/tenants/" + NO_TENANT + "/identity-moves",
            "{\"identityHome\":\"ORGANIZATION\"}",
            404));
    rows.add(platform("GET", "/admin/users", null, 200));
    rows.add(platform("POST", "/admin/users/" + NO_TENANT + "/" + NO_ID + "/disable", null, 404));
    rows.add(platform("POST", "/admin/users/" + NO_TENANT + "/" + NO_ID + "/enable", null, 404));
    rows.add(
        platform("POST", "/admin/users/" + NO_TENANT + "/" + NO_ID + "/password-mail", null, 404));
    rows.add(platform("GET", "/admin/invitations", null, 400));
    rows.add(platform("GET", "/admin/invitations?tenant=" + NO_TENANT, null, 404));
    rows.add(platform("GET", "/admin/analytics", null, 200));
    rows.add(platform("GET", "/admin/health", null, 200));
    rows.add(platform("GET", "/admin/database-clusters", null, 200));
    rows.add(platform("GET", "/admin/analytics/tenants/" + NO_TENANT, null, 404));
    rows.add(platform("GET", "/admin/plugins", null, 200));
    rows.add(platform("GET", "/admin/plugins/no-such-plugin", null, 404));
    rows.add(platform("POST", "/admin/plugins", null, 400).withBundle());
    rows.add(
        platform(
                "PUT",
                "/admin/plugins/no-such-plugin/versions/1.0.0",
                null,
                Boolean.parseBoolean(Platform.env("PLEXICA_PLUGINS_REPLACE_IN_PLACE", "false"))
                    ? 400
                    : 409)
            .withBundle());
    rows.add(platform("GET", "/admin/vendors", null, 200));
    rows.add(platform("POST", "/admin/vendors", "{}", 400));
    rows.add(platform("GET", "/admin/vendors/no-such-vendor", null, 404));
    rows.add(platform("DELETE", "/admin/vendors/no-such-vendor", null, 404));
    rows.add(platform("GET", "/admin/plugin-submissions", null, 200));
    rows.add(platform("GET", "/admin/plugin-submissions/" + NO_ID, null, 404));
    rows.add(platform("GET", "/admin/plugin-submissions/" + NO_ID + "/bundle", null, 404));
    rows.add(platform("POST", "/admin/plugin-submissions/" + NO_ID + "/approve", null, 404));
    rows.add(
        platform(
            "POST", "/admin/plugin-submissions/" + NO_ID + "/reject", "{\"reason\":\"No.\"}", 404));
    rows.add(vendor("GET", "/vendor", null, 200));
    rows.add(vendor("POST", "/vendor/keys", "{}", 400));
    rows.add(vendor("DELETE", "/vendor/keys/" + "0".repeat(64), null, 404));
    rows.add(vendor("GET", "/vendor/plugins", null, 200));
    rows.add(vendor("GET", "/vendor/plugins/no-such-plugin/reviews", null, 404));
    rows.add(
        vendor(
            "PUT",
            "/vendor/plugins/no-such-plugin/reviews/" + NO_ID + "/reply",
            "{\"text\":\"Thanks.\"}",
            404));
    rows.add(
        vendor("DELETE", "/vendor/plugins/no-such-plugin/reviews/" + NO_ID + "/reply", null, 404));
    rows.add(vendor("POST", "/vendor/submissions", null, 400).withBundle());
    rows.add(vendor("GET", "/vendor/submissions", null, 200));
    rows.add(vendor("GET", "/vendor/submissions/" + NO_ID, null, 404));
    rows.add(vendor("POST", "/vendor/submissions/" + NO_ID + "/withdraw", null, 404));
    rows.add(platform("POST", "/admin/plugins/no-such-plugin/deprecate", null, 404));
    rows.add(platform("DELETE", "/admin/plugins/no-such-plugin", null, 404));
    rows.add(platform("DELETE", "/admin/plugins/no-such-plugin/versions/1.0.0", null, 404));
    rows.add(platform("GET", "/admin/plugin-libraries", null, 200));
    rows.add(platform("GET", "/admin/plugin-reviews", null, 200));
    rows.add(
        platform(
            "POST",
            "/admin/plugin-reviews/no-such-plugin/" + NO_TENANT + "/hide",
            "{\"reason\":\"Spam.\"}",
            404));
    rows.add(
        platform("POST", "/admin/plugin-reviews/no-such-plugin/" + NO_TENANT + "/show", null, 404));
    rows.add(platform("GET", "/admin/plugin-libraries/org.example.none/1.0.0", null, 404));
    rows.add(platform("DELETE", "/admin/plugin-libraries/org.example.none/1.0.0", null, 404));
    rows.add(platform("GET", "/admin/dead-letters", null, 200));
    rows.add(platform("GET", "/admin/dead-letters/" + NO_ID, null, 404));
    rows.add(platform("POST", "/admin/dead-letters/retry", "{}", 400));
    rows.add(platform("DELETE", "/admin/dead-letters/" + NO_ID, null, 404));
    rows.add(row("GET", "/me", null, 401, 200, 200, 200, 200, 200).forVendor(200));
    rows.add(tenant("GET", "/workspaces", null, 200, 200, 200));
    rows.add(tenant("POST", "/workspaces", "{}", 403, 400, 400));
    rows.add(tenant("GET", "/workspaces/" + NO_ID, null, 404, 404, 404));
    rows.add(tenant("PATCH", "/workspaces/" + NO_ID, "{}", 404, 404, 404));
    rows.add(tenant("DELETE", "/workspaces/" + NO_ID, null, 404, 404, 404));
    rows.add(tenant("GET", "/workspaces/" + NO_ID + "/members", null, 404, 404, 404));
    rows.add(tenant("POST", "/workspaces/" + NO_ID + "/members", "{}", 400, 400, 400));
    rows.add(tenant("GET", "/workspaces/" + NO_ID + "/teams", null, 404, 404, 404));
    rows.add(tenant("GET", "/workspaces/" + NO_ID + "/resources", null, 404, 404, 404));
    rows.add(tenant("GET", "/workspaces/" + NO_ID + "/invitations", null, 404, 404, 404));
    rows.add(tenant("GET", "/workspaces/" + NO_ID + "/files", null, 404, 404, 404));
    rows.add(
        tenant(
            "POST",
            "/workspaces/" + NO_ID + "/invitations/" + NO_ID + "/resend",
            null,
            404,
            404,
            404));
    rows.add(tenant("POST", "/workspace-invitations/accept", "{}", 400, 400, 400));
    rows.add(tenant("POST", "/workspace-invitations/preview", "{}", 400, 400, 400));
    rows.add(tenant("POST", "/workspace-invitations/decline", "{}", 400, 400, 400));
    rows.add(tenant("GET", "/audit", null, 403, 403, 200));
    rows.add(tenant("GET", "/dead-letters", null, 403, 403, 200));
    rows.add(tenant("GET", "/dead-letters/" + NO_ID, null, 403, 403, 404));
    rows.add(tenant("POST", "/dead-letters/retry", "{}", 403, 403, 400));
    rows.add(tenant("DELETE", "/dead-letters/" + NO_ID, null, 403, 403, 404));
    rows.add(tenant("GET", "/users", null, 403, 200, 200));
    rows.add(tenant("GET", "/users/" + NO_ID, null, 403, 404, 404));
    rows.add(tenant("POST", "/users", "{}", 403, 403, 400));
    rows.add(tenant("PUT", "/users/" + NO_ID + "/roles", "{\"roles\":[]}", 403, 403, 404));
    rows.add(tenant("POST", "/users/" + NO_ID + "/disable", null, 403, 403, 404));
    rows.add(tenant("POST", "/users/" + NO_ID + "/enable", null, 403, 403, 404));
    rows.add(tenant("POST", "/users/" + NO_ID + "/password-mail", null, 403, 403, 404));
    rows.add(tenant("POST", "/users/sync", null, 403, 403, 200));
    rows.add(tenant("GET", "/service-accounts", null, 403, 403, 200));
    rows.add(tenant("GET", "/service-accounts/" + NO_ID, null, 403, 403, 404));
    rows.add(tenant("POST", "/service-accounts", "{}", 403, 403, 400));
    rows.add(tenant("PATCH", "/service-accounts/" + NO_ID, "{}", 403, 403, 404));
    rows.add(tenant("POST", "/service-accounts/" + NO_ID + "/secret", null, 403, 403, 404));
    rows.add(tenant("DELETE", "/service-accounts/" + NO_ID, null, 403, 403, 404));
    rows.add(tenant("GET", "/roles", null, 403, 200, 200));
    rows.add(tenant("GET", "/roles/no-such-role", null, 403, 404, 404));
    rows.add(tenant("POST", "/roles", "{}", 403, 403, 400));
    rows.add(tenant("PATCH", "/roles/no-such-role", "{}", 403, 403, 404));
    rows.add(tenant("DELETE", "/roles/no-such-role", null, 403, 403, 404));
    rows.add(tenant("GET", "/permissions", null, 403, 200, 200));
    rows.add(tenant("GET", "/plugin-installations", null, 403, 200, 200));
    rows.add(tenant("GET", "/plugin-services", null, 403, 200, 200));
    rows.add(tenant("GET", "/marketplace/plugins", null, 403, 200, 200));
    rows.add(tenant("GET", "/marketplace/plugins/no-such-plugin", null, 403, 404, 404));
    rows.add(tenant("GET", "/marketplace/plugins/no-such-plugin/reviews", null, 403, 404, 404));
    rows.add(tenant("GET", "/marketplace/plugins/no-such-plugin/review", null, 403, 404, 404));
    rows.add(
        tenant(
            "PUT", "/marketplace/plugins/no-such-plugin/review", "{\"rating\":3}", 403, 403, 404));
    rows.add(tenant("DELETE", "/marketplace/plugins/no-such-plugin/review", null, 403, 403, 404));
    rows.add(tenant("POST", "/plugin-installations", "{}", 403, 403, 400));
    rows.add(tenant("PATCH", "/plugin-installations/no-such-plugin", "{}", 403, 403, 404));
    rows.add(tenant("DELETE", "/plugin-installations/no-such-plugin", null, 403, 403, 404));
    rows.add(tenant("GET", "/plugins/no-such-plugin/anything", null, 404, 404, 404));
    rows.add(tenant("GET", "/tenant", null, 200, 200, 200));
    rows.add(tenant("PATCH", "/tenant", "{}", 403, 403, 200));
    rows.add(tenant("GET", "/plugin-ui", null, 200, 200, 200));
    // Public: what a login needs, and plugin UI code (platform code, no tenant data).
    rows.add(row("GET", "/web-config", null, 200, 200, 200, 200, 200, 200).forVendor(200));
    rows.add(
        row("GET", "/plugin-ui-files/no-such-plugin/1.0.0/x.js", null, 404, 404, 404, 404, 404, 404)
            .forVendor(404));
    return rows;
  }

  @TestFactory
  Stream<DynamicTest> everyEndpointForEveryCallerInBothHomes() {
    return Stream.of(Home.values())
        .flatMap(
            home ->
                matrix(home).stream()
                    .flatMap(
                        row ->
                            Stream.of(Caller.values())
                                .map(
                                    caller ->
                                        DynamicTest.dynamicTest(
                                            row.method()
                                                + " "
                                                + row.path()
                                                + " as "
                                                + caller
                                                + " ("
                                                + home
                                                + ")",
                                            () -> check(row, caller, home)))));
  }

  private static void check(Row row, Caller caller, Home home) {
    RequestSpecification request = Platform.anonymous();
    if (caller != Caller.ANONYMOUS) {
      request = request.auth().oauth2(TOKENS.get(home).get(caller));
    }
    if (caller == Caller.OTHER_TENANT_ADMIN) {
      request = request.header("X-Tenant-ID", TENANT_A.get(home));
    }
    if (row.body() != null) {
      request =
          row.contentType().equals("application/json")
              ? request.body(row.body())
              : request
                  .contentType(row.contentType())
                  .body(row.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    Response response = request.request(row.method(), row.path());
    int expected = row.expected().get(caller);
    if (expected == 401 || expected == 403) {
      Platform.assertProblem(response, expected, expectedType(row, caller, expected));
    } else {
      assertThat(response.statusCode())
          .as("%s %s as %s (%s): %s", row.method(), row.path(), caller, home, response.asString())
          .isEqualTo(expected);
    }
  }

  private static String expectedType(Row row, Caller caller, int status) {
    boolean platformRow =
        row.expected().get(Caller.SUPER_ADMIN) != 403 || row.path().startsWith("/vendor");
    if (status == 401) {
      return caller == Caller.ANONYMOUS ? "authentication-required" : "token-tenant-mismatch";
    }
    return platformRow || caller == Caller.SUPER_ADMIN || caller == Caller.VENDOR
        ? "forbidden"
        : "permission-denied";
  }

  @Test
  void anotherTenantsAdministratorFindsNoneOfThisTenantsUsers() {
    String userId =
        Platform.anonymous()
            .auth()
            .oauth2(TOKENS.get(Home.OWN_REALM).get(Caller.TENANT_ADMIN))
            .queryParam("q", "uma")
            .get("/users")
            .path("items[0].id");
    RequestSpecification other =
        Platform.anonymous()
            .auth()
            .oauth2(TOKENS.get(Home.OWN_REALM).get(Caller.OTHER_TENANT_ADMIN));

    Platform.assertProblem(other.get("/users/" + userId), 404, "user-not-found");
    assertThat(
            Platform.anonymous()
                .auth()
                .oauth2(TOKENS.get(Home.OWN_REALM).get(Caller.OTHER_TENANT_ADMIN))
                .get("/users")
                .<List<String>>path("items.username"))
        .isNotEmpty()
        .noneMatch(name -> name.startsWith("uma") || name.startsWith("gus"));
  }
}
