package io.plexica.it;

import static io.plexica.it.Platform.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A plugin route works in the workspace the caller names in {@code X-Workspace-ID}: the platform
 * checks the membership, the plugin's queries are scoped with {@code ${workspace}} and its files
 * stay in that workspace (the sample plugin notes).
 */
class WorkspacePluginIT {

  private static String ada;
  private static String bob;
  private static String red;
  private static String blue;
  private static String noteId;

  /** Notes installed in a new tenant; Ada has a red and a blue workspace, a note in each. */
  @BeforeAll
  static void notesInTwoWorkspaces() {
    Platform.deployTestBundle("notes");
    String tenant = Platform.uniqueSlug("notes");
    Platform.createActiveTenant(tenant);
    RequestSpecification admin = Platform.asTenantAdmin(tenant);
    Response installed = admin.body("{\"pluginId\":\"notes\"}").post("/plugin-installations");
    assertThat(installed.statusCode()).as(installed.asString()).isEqualTo(201);
    // Users of the tenant may read and write notes (admins hold every plugin permission).
    admin
        .body(
            "{\"permissions\":[\"tenant:read\",\"workspaces:read\",\"workspaces:create\","
                + "\"plugins:read\",\"users:read\",\"roles:read\",\"notes:read\",\"notes:write\"]}")
        .contentType("application/merge-patch+json")
        .patch("/roles/user")
        .then()
        .statusCode(200);
    ada = Platform.tokenOfNewUser(tenant, "ada-" + tenant, "user");
    bob = Platform.tokenOfNewUser(tenant, "bob-" + tenant, "user");
    red = as(ada).body(Map.of("slug", "red", "name", "Red")).post("/workspaces").path("id");
    blue = as(ada).body(Map.of("slug", "blue", "name", "Blue")).post("/workspaces").path("id");

    Response note =
        as(ada)
            .header("X-Workspace-ID", red)
            .body(Map.of("title", "Red plan"))
            .post("/plugins/notes/notes");
    assertThat(note.statusCode()).as(note.asString()).isEqualTo(201);
    noteId = note.path("id");
    as(ada)
        .header("X-Workspace-ID", blue)
        .body(Map.of("title", "Blue plan"))
        .post("/plugins/notes/notes")
        .then()
        .statusCode(201);
  }

  @Test
  void eachWorkspaceListsItsOwnNotes() {
    Response inRed = as(ada).header("X-Workspace-ID", red).get("/plugins/notes/notes");
    assertThat(inRed.<String>path("workspaceId")).isEqualTo(red);
    assertThat(inRed.<List<String>>path("items.title")).containsExactly("Red plan");
    assertThat(
            as(ada)
                .header("X-Workspace-ID", blue)
                .get("/plugins/notes/notes")
                .<List<String>>path("items.title"))
        .containsExactly("Blue plan");
  }

  @Test
  void aNoteOfOneWorkspaceIsNotFoundFromAnother() {
    assertProblem(
        as(ada)
            .header("X-Workspace-ID", blue)
            .get("/plugins/notes/notes/" + noteId + "/attachment"),
        404,
        "plugins/notes/note-not-found");
  }

  /** Stored in the red workspace's files of the plugin, readable only from there. */
  @Test
  void anAttachmentStaysInItsWorkspace() {
    Response attached =
        as(ada)
            .header("X-Workspace-ID", red)
            .body(Map.of("text", "hello red"))
            .put("/plugins/notes/notes/" + noteId + "/attachment");
    assertThat(attached.statusCode()).as(attached.asString()).isEqualTo(200);
    String link = attached.path("downloadUrl");
    assertThat(link).contains("/workspaces/" + red + "/plugins/notes/");
    assertThat(RestAssured.given().urlEncodingEnabled(false).get(link).asString())
        .isEqualTo("hello red");
    assertThat(
            as(ada)
                .header("X-Workspace-ID", red)
                .get("/plugins/notes/notes/" + noteId + "/attachment")
                .<String>path("text"))
        .isEqualTo("hello red");
  }

  /** Bob belongs to neither workspace: for him they do not exist. */
  @Test
  void nonMembersAndRequestsWithoutAWorkspaceAreRefused() {
    assertProblem(
        as(bob).header("X-Workspace-ID", red).get("/plugins/notes/notes"),
        404,
        "workspace-not-found");
    // Without a workspace, a workspace-scoped query is refused, not run over every workspace.
    assertProblem(as(ada).get("/plugins/notes/notes"), 400, "workspace-required");
    assertProblem(
        as(ada).header("X-Workspace-ID", "not-a-uuid").get("/plugins/notes/notes"),
        404,
        "workspace-not-found");
  }

  private static RequestSpecification as(String token) {
    return Platform.anonymous().auth().oauth2(token);
  }
}
