package io.plexica.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every workspace endpoint for every kind of caller: the workspace's ADMIN, a MEMBER, a VIEWER, a
 * user of the tenant who is not a member, and the tenant's administrator. Writes that would use up
 * their target (a delete, a revoke) get a fresh one for each caller.
 */
class WorkspaceRolesIT {
  enum Who {
    ADMIN,
    MEMBER,
    VIEWER,
    OUTSIDER,
    TENANT_ADMIN
  }

  private static String tenant;
  private static final Map<Who, String> TOKENS = new EnumMap<>(Who.class);
  private static final Map<Who, String> IDS = new EnumMap<>(Who.class);

  /** The workspace under test and a second one every member belongs to (a share's target). */
  private static String ws;

  private static String target;

  @BeforeAll
  static void setUp() {
    tenant = Platform.uniqueSlug("wsroles");
    Platform.createActiveTenant(tenant);
    for (Who who : List.of(Who.ADMIN, Who.MEMBER, Who.VIEWER, Who.OUTSIDER)) {
      String token =
          Platform.tokenOfNewUser(tenant, who.name().toLowerCase() + "-" + tenant, "user");
      TOKENS.put(who, token);
      IDS.put(who, as(token).get("/me").path("subject"));
    }
    TOKENS.put(Who.TENANT_ADMIN, Platform.token(tenant, Platform.adminOf(tenant), "admin"));
    IDS.put(Who.TENANT_ADMIN, as(TOKENS.get(Who.TENANT_ADMIN)).get("/me").path("subject"));
    ws = workspace();
    target = workspace();
  }

  private static RequestSpecification as(String token) {
    return Platform.anonymous().auth().oauth2(token);
  }

  private static RequestSpecification owner() {
    return as(TOKENS.get(Who.ADMIN));
  }

  /** A workspace of ADMIN with MEMBER and VIEWER in it. */
  private static String workspace() {
    String slug = "w" + UUID.randomUUID().toString().substring(0, 8);
    String id = owner().body(Map.of("slug", slug, "name", slug)).post("/workspaces").path("id");
    owner()
        .body(Map.of("userId", IDS.get(Who.MEMBER), "role", "MEMBER"))
        .post("/workspaces/" + id + "/members")
        .then()
        .statusCode(201);
    owner()
        .body(Map.of("userId", IDS.get(Who.VIEWER), "role", "VIEWER"))
        .post("/workspaces/" + id + "/members")
        .then()
        .statusCode(201);
    return id;
  }

  private static String team() {
    return owner()
        .body(Map.of("name", "t-" + UUID.randomUUID()))
        .post("/workspaces/" + ws + "/teams")
        .path("id");
  }

  private static String teamWithMember() {
    String team = team();
    owner()
        .body(Map.of("userId", IDS.get(Who.MEMBER)))
        .post("/workspaces/" + ws + "/teams/" + team + "/members")
        .then()
        .statusCode(201);
    return team;
  }

  private static String file() {
    return owner()
        .contentType("text/plain")
        .body("x")
        .queryParam("name", "x.txt")
        .post("/workspaces/" + ws + "/files")
        .path("id");
  }

  private static String share() {
    return owner()
        .body(
            Map.of(
                "targetWorkspaceId",
                target,
                "resourceType",
                "crm:contact",
                "resourceId",
                UUID.randomUUID().toString()))
        .post("/workspaces/" + ws + "/resources")
        .path("id");
  }

  private static String extraMember() {
    String email = "extra-" + UUID.randomUUID().toString().substring(0, 8);
    String token = Platform.tokenOfNewUser(tenant, email, "user");
    String id = as(token).get("/me").path("subject");
    owner()
        .body(Map.of("userId", id, "role", "VIEWER"))
        .post("/workspaces/" + ws + "/members")
        .then()
        .statusCode(201);
    return id;
  }

  private static String invitation() {
    return owner()
        .body(Map.of("email", "someone-" + UUID.randomUUID() + "@example.com", "role", "VIEWER"))
        .post("/workspaces/" + ws + "/invitations")
        .path("id");
  }

  /** One endpoint: how to call it as a caller, and what each caller must get. */
  record Row(String name, Function<RequestSpecification, Response> call, int[] expected) {}

  private static final int N = 404;

  /** Statuses for ADMIN, MEMBER, VIEWER, OUTSIDER, TENANT_ADMIN. */
  private static Row row(String name, Function<RequestSpecification, Response> call, int... e) {
    return new Row(name, call, e);
  }

  /** Any member reads. */
  private static Row read(String name, Function<RequestSpecification, Response> call, int ok) {
    return row(name, call, ok, ok, ok, N, ok);
  }

  /** MEMBER and up write. */
  private static Row write(String name, Function<RequestSpecification, Response> call, int ok) {
    return row(name, call, ok, ok, 403, N, ok);
  }

  /** Only ADMIN (and tenant administrators) manage. */
  private static Row manage(String name, Function<RequestSpecification, Response> call, int ok) {
    return row(name, call, ok, 403, 403, N, ok);
  }

  private static List<Row> matrix() {
    String w = "/workspaces/";
    List<Row> rows = new ArrayList<>();
    rows.add(read("GET workspace", r -> r.get(w + ws), 200));
    rows.add(manage("PATCH workspace", r -> r.body("{\"description\":\"d\"}").patch(w + ws), 200));
    rows.add(manage("DELETE workspace", r -> r.delete(w + workspace()), 204));
    rows.add(read("GET members", r -> r.get(w + ws + "/members"), 200));
    rows.add(
        manage(
            "POST member",
            r -> r.body(Map.of("userId", newUser(), "role", "VIEWER")).post(w + ws + "/members"),
            201));
    rows.add(
        manage(
            "PATCH member",
            r -> r.body("{\"role\":\"VIEWER\"}").patch(w + ws + "/members/" + IDS.get(Who.VIEWER)),
            200));
    rows.add(manage("DELETE member", r -> r.delete(w + ws + "/members/" + extraMember()), 204));
    rows.add(read("GET teams", r -> r.get(w + ws + "/teams"), 200));
    rows.add(
        manage(
            "POST team",
            r -> r.body(Map.of("name", "n-" + UUID.randomUUID())).post(w + ws + "/teams"),
            201));
    String team = team();
    rows.add(read("GET team", r -> r.get(w + ws + "/teams/" + team), 200));
    rows.add(
        manage(
            "PATCH team",
            r -> r.body("{\"description\":\"x\"}").patch(w + ws + "/teams/" + team),
            200));
    rows.add(manage("DELETE team", r -> r.delete(w + ws + "/teams/" + team()), 204));
    rows.add(read("GET team members", r -> r.get(w + ws + "/teams/" + team + "/members"), 200));
    rows.add(
        manage(
            "POST team member",
            r ->
                r.body(Map.of("userId", IDS.get(Who.VIEWER)))
                    .post(w + ws + "/teams/" + team() + "/members"),
            201));
    rows.add(
        manage(
            "DELETE team member",
            r ->
                r.delete(w + ws + "/teams/" + teamWithMember() + "/members/" + IDS.get(Who.MEMBER)),
            204));
    rows.add(read("GET resources", r -> r.get(w + ws + "/resources"), 200));
    rows.add(
        write(
            "POST resource",
            r ->
                r.body(
                        Map.of(
                            "targetWorkspaceId",
                            target,
                            "resourceType",
                            "crm:contact",
                            "resourceId",
                            UUID.randomUUID().toString()))
                    .post(w + ws + "/resources"),
            201));
    rows.add(write("DELETE resource", r -> r.delete(w + ws + "/resources/" + share()), 204));
    rows.add(manage("GET invitations", r -> r.get(w + ws + "/invitations"), 200));
    rows.add(
        manage(
            "POST invitation",
            r ->
                r.body(Map.of("email", "i-" + UUID.randomUUID() + "@example.com", "role", "MEMBER"))
                    .post(w + ws + "/invitations"),
            201));
    rows.add(
        manage(
            "POST revoke", r -> r.post(w + ws + "/invitations/" + invitation() + "/revoke"), 200));
    rows.add(read("GET files", r -> r.get(w + ws + "/files"), 200));
    rows.add(
        write(
            "POST file",
            r ->
                r.contentType("text/plain")
                    .body("hi")
                    .queryParam("name", "hi.txt")
                    .post(w + ws + "/files"),
            201));
    String file = file();
    rows.add(read("GET file", r -> r.get(w + ws + "/files/" + file), 200));
    rows.add(
        read(
            "GET file content",
            r -> r.redirects().follow(false).get(w + ws + "/files/" + file + "/content"),
            303));
    rows.add(write("DELETE file", r -> r.delete(w + ws + "/files/" + file()), 204));
    return rows;
  }

  private static String newUser() {
    String name = "new-" + UUID.randomUUID().toString().substring(0, 8);
    return as(Platform.tokenOfNewUser(tenant, name, "user")).get("/me").path("subject");
  }

  @TestFactory
  Stream<DynamicTest> everyWorkspaceEndpointForEveryRole() {
    return matrix().stream()
        .flatMap(
            row ->
                Stream.of(Who.values())
                    .map(
                        who ->
                            DynamicTest.dynamicTest(
                                row.name() + " as " + who, () -> check(row, who))));
  }

  private static void check(Row row, Who who) {
    Response response = row.call().apply(as(TOKENS.get(who)));
    int expected = row.expected()[who.ordinal()];
    assertThat(response.statusCode())
        .as(row.name() + " as " + who + ": " + response.asString())
        .isEqualTo(expected);
    if (expected == 403) {
      assertThat(response.<String>path("type")).endsWith("/workspace-role-required");
    }
    if (expected == N) {
      assertThat(response.<String>path("type")).endsWith("/workspace-not-found");
    }
  }
}
