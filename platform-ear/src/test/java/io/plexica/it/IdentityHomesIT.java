package io.plexica.it;

import static io.plexica.it.Platform.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.plexica.testing.Await;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tenants whose people live in an organization of a realm shared with other tenants: provisioned
 * into a shared realm, signed in to over the API with Keycloak's organization scope, and bound to
 * exactly one tenant by the organization their token speaks for. A person in two organizations has
 * one account and reaches each tenant only with a token for it; suspending one organization's
 * tenant leaves the shared realm to the others.
 */
class IdentityHomesIT {
  private static String acme;
  private static String globex;
  private static String sharedRealm;

  @BeforeAll
  static void tenants() {
    acme = Platform.uniqueSlug("org-acme");
    globex = Platform.uniqueSlug("org-globex");
    Response created = createOrganizationTenant(acme);
    createOrganizationTenant(globex);
    sharedRealm = created.path("placement.realm");
  }

  private static Response createOrganizationTenant(String slug) {
    return Platform.createActiveOrganizationTenant(slug);
  }

  private static Response tokenResponse(String user, String password, String scope) {
    return Platform.tokenResponse(sharedRealm, user, password, scope);
  }

  private static String tokenFor(String organization, String user, String password) {
    return Platform.tokenInOrganization(sharedRealm, organization, user, password);
  }

  private static RequestSpecification as(String token) {
    return Platform.anonymous().auth().oauth2(token);
  }

  @Test
  void anOrganizationTenantLivesInASharedRealmAndItsAdministratorSignsInToIt() {
    Response tenant = Platform.api().get("/tenants/" + acme);
    assertThat(tenant.<String>path("placement.identityHome")).isEqualTo("ORGANIZATION");
    assertThat(sharedRealm).startsWith("plexica_shard_");
    assertThat(tenant.<String>path("placement.organizationId")).isNotBlank();
    assertThat(Platform.api().get("/tenants/" + globex).<String>path("placement.realm"))
        .as("both in the first shared realm with room")
        .isEqualTo(sharedRealm);

    String token = tokenFor(acme, Platform.adminOf(acme), Platform.DEV_PASSWORD);
    Response me = as(token).get("/me");
    assertThat(me.statusCode()).as(me.asString()).isEqualTo(200);
    assertThat(me.<String>path("realm")).isEqualTo(sharedRealm);
    assertThat(me.<List<String>>path("roles")).containsExactly("admin");
    Response users = as(token).get("/users");
    assertThat(users.<List<String>>path("items.email")).containsExactly(Platform.adminOf(acme));
    as(token)
        .body("{\"slug\":\"plans\",\"name\":\"Plans\"}")
        .post("/workspaces")
        .then()
        .statusCode(201);
  }

  @Test
  void aSharedRealmTokenThatSpeaksForNoneOrSeveralOrganizationsIsRefused() {
    Response plain = tokenResponse(Platform.adminOf(acme), Platform.DEV_PASSWORD, "openid");
    assertProblem(as(plain.path("access_token")).get("/users"), 401, "invalid-token");

    String person = "both@" + acme + ".example";
    inviteAndSignUp(acme, person);
    invite(globex, person);
    Response both = tokenResponse(person, "both-secret-1", "openid organization");
    assertThat(both.statusCode()).as(both.asString()).isEqualTo(200);
    assertProblem(as(both.path("access_token")).get("/users"), 401, "invalid-token");
  }

  @Test
  void aPersonInTwoOrganizationsHasOneAccountAndEachTokenReachesOnlyItsTenant() {
    String person = "ann@" + acme + ".example";
    String id = inviteAndSignUp(acme, person);
    String inGlobex = invite(globex, person);
    assertThat(inGlobex).as("the same account joined the second organization").isEqualTo(id);

    String acmeToken = tokenFor(acme, person, "both-secret-1");
    String globexToken = tokenFor(globex, person, "both-secret-1");
    assertThat(as(acmeToken).get("/me").<String>path("subject")).isEqualTo(id);
    as(globexToken).get("/users/" + id).then().statusCode(200);
    assertProblem(
        as(acmeToken).header("X-Tenant-ID", globex).get("/users"), 401, "token-tenant-mismatch");
    Response made =
        as(globexToken).body("{\"slug\":\"ann-notes\",\"name\":\"Notes\"}").post("/workspaces");
    assertThat(made.statusCode()).as(made.asString()).isEqualTo(201);
    assertThat(as(acmeToken).get("/workspaces/" + made.path("id")).statusCode())
        .as("globex's workspace seen with acme's token")
        .isEqualTo(404);
  }

  @Test
  void aServiceAccountOfAnOrganizationTenantActsInItsTenantOnly() {
    Response created =
        as(tokenFor(globex, Platform.adminOf(globex), Platform.DEV_PASSWORD))
            .body("{\"name\":\"Reports\",\"roles\":[\"user\"]}")
            .post("/service-accounts");
    String token = Platform.tokenOfServiceAccount(created);
    assertThat(created.<String>path("credentials.tokenEndpoint"))
        .contains("/realms/" + sharedRealm);
    as(token).get("/users").then().statusCode(200);
    assertThat(as(token).get("/me").<String>path("realm")).isEqualTo(sharedRealm);
    assertProblem(
        as(token).header("X-Tenant-ID", acme).get("/users"), 401, "token-tenant-mismatch");
  }

  @Test
  void suspendingOneOrganizationsTenantLeavesTheSharedRealmToTheOthers() {
    String suspended = Platform.uniqueSlug("org-paused");
    createOrganizationTenant(suspended);
    String pausedToken = tokenFor(suspended, Platform.adminOf(suspended), Platform.DEV_PASSWORD);

    Platform.api().post("/tenants/" + suspended + "/suspend").then().statusCode(200);

    assertProblem(as(pausedToken).get("/users"), 401, "tenant-not-active");
    String acmeToken = tokenFor(acme, Platform.adminOf(acme), Platform.DEV_PASSWORD);
    as(acmeToken).get("/users").then().statusCode(200);
    Platform.api().post("/tenants/" + suspended + "/activate").then().statusCode(200);
    as(tokenFor(suspended, Platform.adminOf(suspended), Platform.DEV_PASSWORD))
        .get("/users")
        .then()
        .statusCode(200);
  }

  /**
   * A workspace invitation mailed by an organization's tenant: a person who has an account in the
   * shared realm (another organization's) keeps it, joins the organization and gets the join link;
   * a person without one gets Keycloak's mail to set a password, from the shared realm.
   */
  @Test
  void workspaceInvitationsOfAnOrganizationKeepAnExistingAccountAndMakeNewOnesWithAMail() {
    String kim = "kim" + System.nanoTime() + "@" + acme + ".example";
    String kimId = inviteAndSignUp(acme, kim);
    String admin = tokenFor(globex, Platform.adminOf(globex), Platform.DEV_PASSWORD);
    String workspace =
        as(admin)
            .body(Map.of("slug", "mailroom" + System.nanoTime() % 100000, "name", "Mail room"))
            .post("/workspaces")
            .path("id");

    Response invited =
        as(admin)
            .body(Map.of("email", kim, "role", "VIEWER"))
            .post("/workspaces/" + workspace + "/invitations");
    assertThat(invited.statusCode()).as(invited.asString()).isEqualTo(201);
    assertThat(deliveryOf(admin, workspace, invited.path("id"))).isEqualTo("JOIN_LINK_MAILED");
    assertThat(Mailbox.to(kim).stream().map(m -> (String) m.get("subject")))
        .anyMatch(subject -> subject.contains("invited you to Mail room"));
    assertThat(as(tokenFor(globex, kim, "both-secret-1")).get("/me").<String>path("subject"))
        .as("the same account, now in globex's organization too")
        .isEqualTo(kimId);

    String newcomer = "new" + System.nanoTime() + "@" + globex + ".example";
    Response fresh =
        as(admin)
            .body(Map.of("email", newcomer, "role", "VIEWER"))
            .post("/workspaces/" + workspace + "/invitations");
    assertThat(deliveryOf(admin, workspace, fresh.path("id"))).isEqualTo("ACCOUNT_SETUP_MAILED");
    List<Map<String, Object>> mails = Mailbox.to(newcomer);
    assertThat(mails).hasSize(1);
    assertThat(Mailbox.body(mails.get(0)))
        .contains("/realms/" + sharedRealm + "/login-actions/action-token?key=");
  }

  /** The invitation's delivery as its workspace's list shows it, once it is no longer QUEUED. */
  private static String deliveryOf(String token, String workspace, String invitation) {
    return Await.latest(
        () ->
            as(token)
                .get("/workspaces/" + workspace + "/invitations")
                .<String>path("find { it.id == '" + invitation + "' }.delivery"),
        delivery -> !"QUEUED".equals(delivery),
        Duration.ofSeconds(20),
        Duration.ofMillis(200));
  }

  /** Invites the person into the tenant by its administrator; the account's id. */
  private static String invite(String tenant, String email) {
    Response invited =
        as(tokenFor(tenant, Platform.adminOf(tenant), Platform.DEV_PASSWORD))
            .body(
                "{\"email\":\"%s\",\"firstName\":\"Ann\",\"lastName\":\"Both\",\"roles\":[\"user\"],\"temporaryPassword\":\"first-pass-1\"}"
                    .formatted(email))
            .post("/users");
    assertThat(invited.statusCode()).as(invited.asString()).isEqualTo(201);
    return invited.path("id");
  }

  private static String inviteAndSignUp(String tenant, String email) {
    String id = invite(tenant, email);
    Platform.completeInvitation(sharedRealm, email, "both-secret-1");
    return id;
  }
}
