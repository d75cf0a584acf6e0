package io.plexica.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mail that reaches people, read back from the dev mailbox (GreenMail, started by bin/plexica
 * test): Keycloak's mail to set a first password, the platform's mail with a workspace's join link,
 * and nothing made when the mail cannot go.
 */
class MailIT {
  private static final String MAILBOX =
      System.getProperty(
          "plexica.mail.api-url", Platform.env("PLEXICA_MAIL_API_URL", "http://127.0.0.1:28025"));

  private static String tenant;

  @BeforeAll
  static void tenant() {
    tenant = Platform.uniqueSlug("mail");
    Platform.createActiveTenant(tenant);
  }

  /** The mails GreenMail holds for the address, waiting up to 20 s for the first. */
  static List<Map<String, Object>> mailsTo(String address) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 20_000;
    List<Map<String, Object>> mails = List.of();
    while (System.currentTimeMillis() < deadline) {
      Response inbox = given().get(MAILBOX + "/api/user/" + address + "/messages/INBOX");
      if (inbox.statusCode() == 200) {
        mails = inbox.jsonPath().getList("$");
        if (!mails.isEmpty()) {
          return mails;
        }
      }
      Thread.sleep(300);
    }
    return mails;
  }

  /** The mails to the address once there are {@code count}, or what there is after 20 s. */
  static List<Map<String, Object>> mailsTo(String address, int count) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 20_000;
    List<Map<String, Object>> mails = mailsTo(address);
    while (mails.size() < count && System.currentTimeMillis() < deadline) {
      Thread.sleep(300);
      mails = mailsTo(address);
    }
    return mails;
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

  private static String body(Map<String, Object> mail) {
    return ((String) mail.get("mimeMessage")).replaceAll("=\r?\n", "").replace("=3D", "=");
  }

  @Test
  void anInvitedPersonWithoutAPasswordGetsKeycloaksMailToSetOne() throws Exception {
    String email = "ada" + System.nanoTime() + "@" + tenant + ".example";
    Platform.asTenantAdmin(tenant)
        .body(Map.of("email", email, "firstName", "Ada", "lastName", "Lovelace"))
        .post("/users")
        .then()
        .statusCode(201);

    List<Map<String, Object>> mails = mailsTo(email);
    assertThat(mails).as("a mail to " + email).hasSize(1);
    assertThat((String) mails.get(0).get("subject")).isEqualTo("Update Your Account");
    assertThat(body(mails.get(0)))
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
    assertThat(invited.<String>path("delivery")).isEqualTo("JOIN_LINK_MAILED");

    List<Map<String, Object>> mails = mailsTo(email);
    assertThat(mails).hasSize(1);
    assertThat((String) mails.get(0).get("subject")).contains("invited you to Mail room");
    Matcher link =
        Pattern.compile("/invitations/accept\\?tenant=" + tenant + "&token=([A-Za-z0-9_-]+)")
            .matcher(body(mails.get(0)));
    assertThat(link.find()).as(body(mails.get(0))).isTrue();
    assertThat(link.group(1)).isEqualTo(invited.<String>path("token"));

    Response offer =
        Platform.anonymous()
            .auth()
            .oauth2(token)
            .body(Map.of("token", link.group(1)))
            .post("/workspace-invitations/preview");
    assertThat(offer.statusCode()).as(offer.asString()).isEqualTo(200);
    assertThat(offer.<String>path("workspaceName")).isEqualTo("Mail room");
    assertThat(offer.<Boolean>path("forYou")).isTrue();
    Platform.anonymous()
        .auth()
        .oauth2(token)
        .body(Map.of("token", link.group(1)))
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
    String slug = Platform.uniqueSlug("nomail");
    Platform.createActiveTenant(slug);
    // The realm's mail server is a port nobody listens on.
    Platform.keycloakAdmin()
        .body(Map.of("smtpServer", Map.of("host", "127.0.0.1", "port", "9", "from", "x@x.example")))
        .put("/admin/realms/" + slug)
        .then()
        .statusCode(204);
    String email = "lost" + System.nanoTime() + "@" + slug + ".example";

    Response invited =
        Platform.asTenantAdmin(slug)
            .body(Map.of("email", email, "firstName", "Lost", "lastName", "Mail"))
            .post("/users");
    Platform.assertProblem(invited, 503, "mail-unavailable");
    assertThat(
            Platform.keycloakAdmin()
                .queryParam("email", email)
                .get("/admin/realms/" + slug + "/users")
                .jsonPath()
                .getList("$"))
        .isEmpty();
    assertThat(
            Platform.asTenantAdmin(slug)
                .queryParam("q", email)
                .get("/users")
                .<List<Object>>path("items"))
        .isEmpty();
  }

  @Test
  void administratorsMailAPasswordLinkAndPlatformAdminsDisableButKeepAnAdmin() throws Exception {
    String name = "lost" + System.nanoTime();
    String token = Platform.tokenOfNewUser(tenant, name, "user");
    String email = name + "@example.com";
    String id = Platform.keycloakUserId(tenant, name);
    Platform.asTenantAdmin(tenant).post("/users/sync").then().statusCode(200);

    Platform.asTenantAdmin(tenant).post("/users/" + id + "/password-mail").then().statusCode(200);
    assertThat(mailsTo(email)).hasSize(1);
    Platform.api()
        .post("/admin/users/" + tenant + "/" + id + "/password-mail")
        .then()
        .statusCode(200);
    assertThat(mailsTo(email, 2)).hasSize(2);

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
    assertThat(mailsTo(email)).hasSize(1);

    Response console = Platform.api().queryParam("tenant", tenant).get("/admin/invitations");
    assertThat(console.statusCode()).as(console.asString()).isEqualTo(200);
    assertThat(console.<List<String>>path("findAll { it.email == '" + email + "' }.workspaceName"))
        .containsExactly("Second chance");

    Response resent =
        Platform.asTenantAdmin(tenant)
            .post("/workspaces/" + workspace + "/invitations/" + invitation + "/resend");
    assertThat(resent.statusCode()).as(resent.asString()).isEqualTo(200);
    assertThat(resent.<String>path("delivery")).isEqualTo("JOIN_LINK_MAILED");
    assertThat(resent.<String>path("token")).isNotEqualTo(invited.path("token"));
    assertThat(mailsTo(email, 2)).hasSize(2);
    assertThat(body(mailsTo(email).get(1))).contains(resent.<String>path("token"));
    Platform.assertProblem(
        Platform.anonymous()
            .auth()
            .oauth2(token)
            .body(Map.of("token", invited.<String>path("token")))
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
