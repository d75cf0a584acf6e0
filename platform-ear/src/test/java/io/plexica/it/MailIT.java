package io.plexica.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.plexica.testing.Await;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mail that reaches people, read back from the dev mailbox (GreenMail, started by bin/plexica
 * test): Keycloak's mail to set a first password, the platform's mail with a workspace's join link,
 * and nothing made when the mail cannot go.
 */
class MailIT {
  private static String tenant;

  @BeforeAll
  static void tenant() {
    tenant = Platform.uniqueSlug("mail");
    Platform.createActiveTenant(tenant);
  }

  /** A new active tenant whose realm's mail server is a port nobody listens on; its slug. */
  private static String tenantKeycloakCannotMailFor(String prefix) {
    String slug = Platform.uniqueSlug(prefix);
    Platform.createActiveTenant(slug);
    Platform.keycloakAdmin()
        .body(Map.of("smtpServer", Map.of("host", "127.0.0.1", "port", "9", "from", "x@x.example")))
        .put("/admin/realms/" + slug)
        .then()
        .statusCode(204);
    return slug;
  }

  private static List<Object> keycloakUsersWith(String realm, String email) {
    return Platform.keycloakAdmin()
        .queryParam("email", email)
        .get("/admin/realms/" + realm + "/users")
        .jsonPath()
        .getList("$");
  }

  /** The invitation's delivery as its workspace's list shows it, once it is no longer QUEUED. */
  private static String deliveryOf(String workspace, String invitation) {
    return Await.latest(
        () ->
            Platform.asTenantAdmin(tenant)
                .get("/workspaces/" + workspace + "/invitations")
                .<String>path("find { it.id == '" + invitation + "' }.delivery"),
        delivery -> !"QUEUED".equals(delivery),
        Duration.ofSeconds(20),
        Duration.ofMillis(200));
  }

  /** A new workspace of the test tenant (its slug made unique from the prefix); its id. */
  private static String workspace(String slugPrefix, String name) {
    return Platform.asTenantAdmin(tenant)
        .body(Map.of("slug", slugPrefix + System.nanoTime() % 100000, "name", name))
        .post("/workspaces")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  @Test
  void anInvitedPersonWithoutAPasswordGetsKeycloaksMailToSetOne() throws Exception {
    String email = "ada" + System.nanoTime() + "@" + tenant + ".example";
    Platform.asTenantAdmin(tenant)
        .body(Map.of("email", email, "firstName", "Ada", "lastName", "Lovelace"))
        .post("/users")
        .then()
        .statusCode(201);

    List<Map<String, Object>> mails = Mailbox.to(email);
    assertThat(mails).as("a mail to " + email).hasSize(1);
    assertThat((String) mails.get(0).get("subject")).isEqualTo("Update Your Account");
    assertThat(Mailbox.body(mails.get(0)))
        .contains("/realms/" + tenant + "/login-actions/action-token?key=")
        .contains("Update Password");
  }

  @Test
  void aUserInvitedToAWorkspaceGetsTheJoinLinkAndAcceptsWithIt() throws Exception {
    String name = "joiner" + System.nanoTime();
    String token = Platform.tokenOfNewUser(tenant, name, "user");
    String email = name + "@example.com";
    Platform.anonymous().auth().oauth2(token).get("/me").then().statusCode(200);
    String workspace = workspace("mail", "Mail room");

    Response invited =
        Platform.asTenantAdmin(tenant)
            .body(Map.of("email", email, "role", "VIEWER"))
            .post("/workspaces/" + workspace + "/invitations");
    assertThat(invited.statusCode()).as(invited.asString()).isEqualTo(201);
    // Queued: the request does not wait for the mail, and the link goes to the address alone.
    assertThat(invited.<String>path("delivery")).isEqualTo("QUEUED");
    assertThat(invited.<String>path("token")).isNull();

    List<Map<String, Object>> mails = Mailbox.to(email);
    assertThat(mails).hasSize(1);
    assertThat((String) mails.get(0).get("subject")).contains("invited you to Mail room");
    String mailed = Mailbox.invitationToken(email, tenant, 1);
    assertThat(deliveryOf(workspace, invited.path("id"))).isEqualTo("JOIN_LINK_MAILED");

    Response offer =
        Platform.anonymous()
            .auth()
            .oauth2(token)
            .body(Map.of("token", mailed))
            .post("/workspace-invitations/preview");
    assertThat(offer.statusCode()).as(offer.asString()).isEqualTo(200);
    assertThat(offer.<String>path("workspaceName")).isEqualTo("Mail room");
    assertThat(offer.<Boolean>path("forYou")).isTrue();
    Platform.anonymous()
        .auth()
        .oauth2(token)
        .body(Map.of("token", mailed))
        .post("/workspace-invitations/accept")
        .then()
        .statusCode(200);

    Response again =
        Platform.asTenantAdmin(tenant)
            .body(Map.of("email", email, "role", "ADMIN"))
            .post("/workspaces/" + workspace + "/invitations");
    Platform.assertProblem(again, 409, "workspace-member-exists");
  }

  @Test
  void whenKeycloakCannotMailNoAccountIsLeftBehind() throws Exception {
    String slug = tenantKeycloakCannotMailFor("nomail");
    String email = "lost" + System.nanoTime() + "@" + slug + ".example";

    Response invited =
        Platform.asTenantAdmin(slug)
            .body(Map.of("email", email, "firstName", "Lost", "lastName", "Mail"))
            .post("/users");
    Platform.assertProblem(invited, 503, "mail-unavailable");
    assertThat(keycloakUsersWith(slug, email)).isEmpty();
    assertThat(
            Platform.asTenantAdmin(slug)
                .queryParam("q", email)
                .get("/users")
                .<List<Object>>path("items"))
        .isEmpty();
  }

  @Test
  void anInvitationKeycloakCannotMailIsTriedAgainLaterAndLeavesNoAccount() throws Exception {
    String slug = tenantKeycloakCannotMailFor("nomailinv");
    String workspace =
        Platform.asTenantAdmin(slug)
            .body(Map.of("slug", "later", "name", "Later"))
            .post("/workspaces")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String email = "later" + System.nanoTime() + "@" + slug + ".example";

    Response invited =
        Platform.asTenantAdmin(slug)
            .body(Map.of("email", email, "role", "MEMBER"))
            .post("/workspaces/" + workspace + "/invitations");
    assertThat(invited.statusCode()).as(invited.asString()).isEqualTo(201);
    assertThat(invited.<String>path("delivery")).isEqualTo("QUEUED");

    // A node tried within a second or two, failed, and put it back for later.
    List<String> failure =
        Await.latest(
            () ->
                Platform.strings(
                    "SELECT last_error FROM plexica_core.invitation_mail"
                        + " WHERE invitation_id = CAST(? AS uuid) AND attempts >= 1"
                        + " AND last_error IS NOT NULL AND next_attempt_at > now()",
                    invited.path("id")),
            rows -> !rows.isEmpty(),
            Duration.ofSeconds(20),
            Duration.ofMillis(200));
    assertThat(failure).as("a failed attempt, queued again").hasSize(1);
    assertThat(
            Platform.asTenantAdmin(slug)
                .get("/workspaces/" + workspace + "/invitations")
                .<String>path("find { it.id == '" + invited.path("id") + "' }.delivery"))
        .isEqualTo("QUEUED");
    // The account made for the mail went with it: nobody is left with an account no one can use.
    assertThat(keycloakUsersWith(slug, email)).isEmpty();
  }

  @Test
  void administratorsMailAPasswordLinkAndPlatformAdminsDisableButKeepAnAdmin() throws Exception {
    String name = "lost" + System.nanoTime();
    String token = Platform.tokenOfNewUser(tenant, name, "user");
    String email = name + "@example.com";
    String id = Platform.keycloakUserId(tenant, name);
    Platform.asTenantAdmin(tenant).post("/users/sync").then().statusCode(200);

    Platform.asTenantAdmin(tenant).post("/users/" + id + "/password-mail").then().statusCode(200);
    assertThat(Mailbox.to(email)).hasSize(1);
    Platform.api()
        .post("/admin/users/" + tenant + "/" + id + "/password-mail")
        .then()
        .statusCode(200);
    assertThat(Mailbox.to(email, 2)).hasSize(2);

    Response disabled = Platform.api().post("/admin/users/" + tenant + "/" + id + "/disable");
    assertThat(disabled.<String>path("status")).as(disabled.asString()).isEqualTo("DISABLED");
    Platform.assertProblem(
        Platform.anonymous().auth().oauth2(token).get("/me"), 401, "account-disabled");
    Platform.api()
        .post("/admin/users/" + tenant + "/" + id + "/enable")
        .then()
        .statusCode(200)
        .body("status", org.hamcrest.Matchers.equalTo("ACTIVE"));

    Response trail =
        Platform.asTenantAdmin(tenant)
            .queryParam("action", "user.disabled")
            .get("/audit")
            .then()
            .statusCode(200)
            .extract()
            .response();
    assertThat(trail.<List<String>>path("items.targetId")).contains(id);
    assertThat(trail.<List<String>>path("items.actorName"))
        .allMatch(actor -> actor.startsWith("platform admin "));

    String adminId = Platform.asTenantAdmin(tenant).get("/me").then().extract().path("subject");
    Platform.assertProblem(
        Platform.api().post("/admin/users/" + tenant + "/" + adminId + "/disable"),
        409,
        "last-admin");
  }

  @Test
  void aResentInvitationGetsANewLinkAndTheConsoleSeesItUntilItIsRevoked() throws Exception {
    String name = "again" + System.nanoTime();
    String token = Platform.tokenOfNewUser(tenant, name, "user");
    String email = name + "@example.com";
    String workspace = workspace("again", "Second chance");
    Response invited =
        Platform.asTenantAdmin(tenant)
            .body(Map.of("email", email, "role", "MEMBER"))
            .post("/workspaces/" + workspace + "/invitations");
    String invitation = invited.path("id");
    String first = Mailbox.invitationToken(email, tenant, 1);

    Response console = Platform.api().queryParam("tenant", tenant).get("/admin/invitations");
    assertThat(console.statusCode()).as(console.asString()).isEqualTo(200);
    assertThat(console.<List<String>>path("findAll { it.email == '" + email + "' }.workspaceName"))
        .containsExactly("Second chance");

    Response resent =
        Platform.asTenantAdmin(tenant)
            .post("/workspaces/" + workspace + "/invitations/" + invitation + "/resend");
    assertThat(resent.statusCode()).as(resent.asString()).isEqualTo(200);
    assertThat(resent.<String>path("delivery")).isEqualTo("QUEUED");
    String second = Mailbox.invitationToken(email, tenant, 2);
    assertThat(second).isNotEqualTo(first);
    Platform.anonymous()
        .auth()
        .oauth2(token)
        .body(Map.of("token", second))
        .post("/workspace-invitations/preview")
        .then()
        .statusCode(200);
    Platform.assertProblem(
        Platform.anonymous()
            .auth()
            .oauth2(token)
            .body(Map.of("token", first))
            .post("/workspace-invitations/preview"),
        404,
        "invitation-not-found");

    Platform.asTenantAdmin(tenant)
        .post("/workspaces/" + workspace + "/invitations/" + invitation + "/revoke")
        .then()
        .statusCode(200);
    Platform.assertProblem(
        Platform.asTenantAdmin(tenant)
            .post("/workspaces/" + workspace + "/invitations/" + invitation + "/resend"),
        410,
        "invitation-revoked");
    assertThat(
            Platform.api()
                .queryParam("tenant", tenant)
                .get("/admin/invitations")
                .<List<String>>path("email"))
        .doesNotContain(email);
    Platform.assertProblem(Platform.api().get("/admin/invitations"), 400, "validation-failed");
  }
}
