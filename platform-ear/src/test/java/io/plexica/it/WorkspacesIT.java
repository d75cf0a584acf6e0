package io.plexica.it;

import static io.plexica.it.Platform.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A workspace's whole life over HTTP with real logins, real PostgreSQL, Redis and S3 storage:
 * created, a user invited and joining, promoted, a team, a shared resource, a file up and down,
 * deletion refused while teams exist, then done, each step in the audit trail. And bad input.
 */
class WorkspacesIT {
  private static String tenant;
  private static String ada;
  private static String grace;

  @BeforeAll
  static void tenant() {
    tenant = Platform.uniqueSlug("wsit");
    Platform.createActiveTenant(tenant);
    ada = Platform.tokenOfNewUser(tenant, "ada-" + tenant, "user");
    grace = Platform.tokenOfNewUser(tenant, "grace-" + tenant, "user");
  }

  private static RequestSpecification as(String token) {
    return Platform.anonymous().auth().oauth2(token);
  }

  private static String idOf(String token) {
    return as(token).get("/me").path("subject");
  }

  /**
   * A workspace's life, step by step in order: each step starts where the one before left it, so a
   * failure names the step that broke.
   */
  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  class AWorkspacesLife {
    private String adaId;
    private String graceId;
    private String ws;
    private String teamId;
    private String link;

    @Test
    @Order(1)
    void adaCreatesItAndForGraceItDoesNotExist() {
      adaId = idOf(ada);
      graceId = idOf(grace);
      Response created =
          as(ada).body("{\"slug\":\"launch\",\"name\":\"Launch\"}").post("/workspaces");
      assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
      assertThat(created.<String>path("role")).isEqualTo("ADMIN");
      ws = created.path("id");
      assertThat(created.header("Location")).endsWith("/workspaces/" + ws);
      assertProblem(as(grace).get("/workspaces/" + ws), 404, "workspace-not-found");
    }

    @Test
    @Order(2)
    void graceIsInvitedAcceptsOnceAndViewsIt() throws Exception {
      Response invitation =
          as(ada)
              .body("{\"email\":\"grace-" + tenant + "@example.com\",\"role\":\"VIEWER\"}")
              .post("/workspaces/" + ws + "/invitations");
      assertThat(invitation.statusCode()).as(invitation.asString()).isEqualTo(201);
      String token = Mailbox.invitationToken("grace-" + tenant + "@example.com", tenant, 1);
      assertThat(token).hasSizeGreaterThan(30);
      Response accepted =
          as(grace).body(Map.of("token", token)).post("/workspace-invitations/accept");
      assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(200);
      assertThat(accepted.<String>path("status")).isEqualTo("ACCEPTED");
      assertThat(accepted.<String>path("token")).isNull();
      assertProblem(
          as(grace).body(Map.of("token", token)).post("/workspace-invitations/accept"),
          409,
          "invitation-used");
      assertThat(as(grace).get("/workspaces/" + ws).<String>path("role")).isEqualTo("VIEWER");
      assertProblem(
          as(grace).body("{\"name\":\"Mine\"}").post("/workspaces/" + ws + "/teams"),
          403,
          "workspace-role-required");
    }

    @Test
    @Order(3)
    void promotedGraceIsAMemberFromHerNextRequest() {
      Response promoted =
          as(ada).body("{\"role\":\"MEMBER\"}").patch("/workspaces/" + ws + "/members/" + graceId);
      assertThat(promoted.statusCode()).as(promoted.asString()).isEqualTo(200);
      assertThat(as(grace).get("/workspaces/" + ws).<String>path("role")).isEqualTo("MEMBER");
    }

    @Test
    @Order(4)
    void aTeamHasGraceInIt() {
      Response team =
          as(ada)
              .body("{\"name\":\"Core\",\"description\":\"The core team\"}")
              .post("/workspaces/" + ws + "/teams");
      assertThat(team.statusCode()).as(team.asString()).isEqualTo(201);
      teamId = team.path("id");
      as(ada)
          .body(Map.of("userId", graceId))
          .post("/workspaces/" + ws + "/teams/" + teamId + "/members")
          .then()
          .statusCode(201);
      assertThat(
              as(grace)
                  .get("/workspaces/" + ws + "/teams/" + teamId + "/members")
                  .<List<String>>path("userId"))
          .containsExactly(graceId);
    }

    @Test
    @Order(5)
    void aResourceIsSharedWithAnotherWorkspaceAdaAdministers() {
      String other =
          as(ada).body("{\"slug\":\"ops\",\"name\":\"Ops\"}").post("/workspaces").path("id");
      Response shared =
          as(ada)
              .body(
                  Map.of(
                      "targetWorkspaceId",
                      other,
                      "resourceType",
                      "crm:contact",
                      "resourceId",
                      "42"))
              .post("/workspaces/" + ws + "/resources");
      assertThat(shared.statusCode()).as(shared.asString()).isEqualTo(201);
      assertThat(
              as(ada).get("/workspaces/" + other + "/resources").<List<String>>path("resourceId"))
          .containsExactly("42");
    }

    /** Up as Grace (MEMBER), down through a short-lived link without credentials. */
    @Test
    @Order(6)
    void aFileGoesUpAndComesDownThroughAShortLivedLink() {
      byte[] content = "Launch checklist\n".getBytes(StandardCharsets.UTF_8);
      Response uploaded =
          as(grace)
              .contentType("text/plain")
              .body(content)
              .queryParam("name", "checklist.txt")
              .post("/workspaces/" + ws + "/files");
      assertThat(uploaded.statusCode()).as(uploaded.asString()).isEqualTo(201);
      String fileId = uploaded.path("id");
      assertThat(uploaded.<Integer>path("size")).isEqualTo(content.length);
      link = as(ada).get("/workspaces/" + ws + "/files/" + fileId).path("downloadUrl");
      Response download = RestAssured.given().urlEncodingEnabled(false).get(link);
      assertThat(download.statusCode()).isEqualTo(200);
      assertThat(download.asByteArray()).isEqualTo(content);
      assertThat(download.header("Content-Disposition")).contains("checklist.txt");
      // As generated clients send it: octet-stream, the type taken from the name's extension.
      Response generic =
          as(grace)
              .contentType("application/octet-stream")
              .body("# Notes\n".getBytes(StandardCharsets.UTF_8))
              .queryParam("name", "notes.md")
              .post("/workspaces/" + ws + "/files");
      assertThat(generic.statusCode()).as(generic.asString()).isEqualTo(201);
      assertThat(generic.<String>path("contentType")).isEqualTo("text/markdown");
      Response redirect =
          as(ada)
              .redirects()
              .follow(false)
              .get("/workspaces/" + ws + "/files/" + fileId + "/content");
      assertThat(redirect.statusCode()).isEqualTo(303);
    }

    @Test
    @Order(7)
    void deletionWaitsForTheTeamsAndTakesTheFilesWithIt() {
      assertProblem(as(ada).delete("/workspaces/" + ws), 409, "workspace-has-teams");
      as(ada).delete("/workspaces/" + ws + "/teams/" + teamId).then().statusCode(204);
      as(ada).delete("/workspaces/" + ws).then().statusCode(204);
      assertProblem(as(ada).get("/workspaces/" + ws), 404, "workspace-not-found");
      assertThat(RestAssured.given().urlEncodingEnabled(false).get(link).statusCode())
          .as("the file went with its workspace")
          .isEqualTo(404);
    }

    /** The trail, newest first, as the tenant's administrator reads it. */
    @Test
    @Order(8)
    void theAuditTrailHoldsEveryStepWithWhoAndWhat() {
      Response trail = Platform.asTenantAdmin(tenant).queryParam("workspaceId", ws).get("/audit");
      assertThat(trail.statusCode()).as(trail.asString()).isEqualTo(200);
      List<String> actions = trail.path("items.action");
      List<String> oldestFirst = new ArrayList<>(actions);
      Collections.reverse(oldestFirst);
      assertThat(oldestFirst)
          .containsSubsequence(
              "workspace.created",
              "member.added",
              "invitation.created",
              "member.added",
              "invitation.accepted",
              "member.role_changed",
              "team.created",
              "team.member_added",
              "resource.shared",
              "file.uploaded",
              "team.deleted",
              "workspace.deleted");
      List<Map<String, Object>> items = trail.path("items");
      Map<String, Object> roleChange =
          items.stream()
              .filter(i -> "member.role_changed".equals(i.get("action")))
              .findFirst()
              .orElseThrow();
      assertThat(roleChange.get("actorId")).isEqualTo(adaId);
      assertThat(roleChange.get("before")).isEqualTo(Map.of("role", "VIEWER"));
      assertThat(roleChange.get("after")).isEqualTo(Map.of("role", "MEMBER"));
      assertThat(
              Platform.asTenantAdmin(tenant)
                  .queryParam("actorId", graceId)
                  .queryParam("workspaceId", ws)
                  .get("/audit")
                  .<List<String>>path("items.action"))
          .containsExactlyInAnyOrder(
              "member.added", "invitation.accepted", "file.uploaded", "file.uploaded");
      List<String> added =
          Platform.asTenantAdmin(tenant)
              .queryParam("workspaceId", ws)
              .queryParam("action", "member.added")
              .get("/audit")
              .path("items.action");
      assertThat(added).hasSize(2).containsOnly("member.added");
      Response page =
          Platform.asTenantAdmin(tenant)
              .queryParam("workspaceId", ws)
              .queryParam("size", 5)
              .queryParam("page", 1)
              .get("/audit");
      assertThat(page.<Integer>path("total")).isEqualTo(actions.size());
      assertThat(page.<List<Object>>path("items")).hasSize(5);
      assertThat(
              Platform.asTenantAdmin(tenant)
                  .queryParam("workspaceId", ws)
                  .queryParam("from", "2100-01-01T00:00:00Z")
                  .get("/audit")
                  .<List<Object>>path("items"))
          .isEmpty();
      assertProblem(
          Platform.asTenantAdmin(tenant).queryParam("from", "yesterday").get("/audit"),
          400,
          "validation-failed");
      assertProblem(as(grace).get("/audit"), 403, "permission-denied");
    }
  }

  /**
   * Two ADMINs demote each other in simultaneous requests, three times over: one wins, the other is
   * refused, and the workspace keeps exactly one ADMIN.
   */
  @Test
  void twoAdminsDemotingEachOtherAtOnceLeaveOneAdmin() throws Exception {
    String adaId = idOf(ada);
    String graceId = idOf(grace);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 3; round++) {
        String ws =
            as(ada)
                .body(Map.of("slug", "race-" + round, "name", "Race"))
                .post("/workspaces")
                .path("id");
        as(ada)
            .body(Map.of("userId", graceId, "role", "ADMIN"))
            .post("/workspaces/" + ws + "/members")
            .then()
            .statusCode(201);
        CountDownLatch start = new CountDownLatch(1);
        Future<Response> adaDemotesGrace = pool.submit(() -> demote(start, ada, ws, graceId));
        Future<Response> graceDemotesAda = pool.submit(() -> demote(start, grace, ws, adaId));
        start.countDown();
        List<Integer> statuses =
            List.of(adaDemotesGrace.get().statusCode(), graceDemotesAda.get().statusCode());
        assertThat(statuses).as("round " + round).containsOnlyOnce(200);
        assertThat(statuses).as("round " + round).containsAnyOf(409, 403);
        List<String> roles =
            Platform.asTenantAdmin(tenant).get("/workspaces/" + ws + "/members").path("role");
        assertThat(roles).as("round " + round).containsOnlyOnce("ADMIN");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static Response demote(CountDownLatch start, String token, String ws, String userId)
      throws InterruptedException {
    RequestSpecification request = as(token).body("{\"role\":\"MEMBER\"}");
    start.await();
    return request.patch("/workspaces/" + ws + "/members/" + userId);
  }

  @Test
  void badInputIsRefusedWithFieldErrorsAndChangesNothing() {
    String ws =
        as(ada).body("{\"slug\":\"inputs\",\"name\":\"Inputs\"}").post("/workspaces").path("id");
    Response duplicate =
        as(ada).body("{\"slug\":\"inputs\",\"name\":\"Again\"}").post("/workspaces");
    assertProblem(duplicate, 409, "workspace-slug-taken");
    Response oversized =
        as(ada).body(Map.of("slug", "big", "name", "x".repeat(201))).post("/workspaces");
    assertProblem(oversized, 400, "validation-failed");
    assertThat(oversized.<List<String>>path("errors.field")).containsExactly("name");

    Response unknownRole =
        as(ada)
            .body(Map.of("userId", idOf(grace), "role", "OWNER"))
            .post("/workspaces/" + ws + "/members");
    assertProblem(unknownRole, 400, "validation-failed");
    assertThat(unknownRole.<List<String>>path("errors.field")).containsExactly("role");

    // A user of another tenant is not a user of this one.
    String otherTenant = Platform.uniqueSlug("wsother");
    Platform.createActiveTenant(otherTenant);
    String stranger = Platform.tokenOfNewUser(otherTenant, "stranger-" + otherTenant, "user");
    String strangerId = Platform.anonymous().auth().oauth2(stranger).get("/me").path("subject");
    Response foreign =
        as(ada)
            .body(Map.of("userId", strangerId, "role", "MEMBER"))
            .post("/workspaces/" + ws + "/members");
    assertProblem(foreign, 400, "validation-failed");
    assertThat(foreign.<List<String>>path("errors.field")).containsExactly("userId");

    Response unknownToken =
        as(grace).body(Map.of("token", "forged-token")).post("/workspace-invitations/accept");
    assertProblem(unknownToken, 404, "invitation-not-found");
    assertThat(unknownToken.<List<String>>path("errors.field")).containsExactly("token");

    assertProblem(
        as(ada)
            .contentType("application/x-msdownload")
            .body(new byte[] {1})
            .queryParam("name", "run.exe")
            .post("/workspaces/" + ws + "/files"),
        415,
        "file-type-refused");
    // What the bytes show wins over what the header says (a JSON document is no PDF).
    assertProblem(
        as(ada)
            .contentType("application/pdf")
            .body("{\"not\":\"a pdf\"}".getBytes(StandardCharsets.UTF_8))
            .queryParam("name", "report.pdf")
            .post("/workspaces/" + ws + "/files"),
        415,
        "file-content-mismatch");
    assertProblem(
        as(ada)
            .contentType("text/plain")
            .body(new byte[26 * 1024 * 1024])
            .queryParam("name", "huge.txt")
            .post("/workspaces/" + ws + "/files"),
        413,
        "file-too-large");
    assertProblem(
        as(ada)
            .contentType("text/plain")
            .body(new byte[] {1})
            .queryParam("name", "../etc/passwd")
            .post("/workspaces/" + ws + "/files"),
        400,
        "validation-failed");
    assertThat(as(ada).get("/workspaces/" + ws + "/files").<List<Object>>path("")).isEmpty();
    assertThat(as(ada).get("/workspaces/" + ws + "/members").<List<Object>>path("")).hasSize(1);
  }
}
