package io.plexica.load;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes what the load test's people need, through the platform's API and Keycloak's admin API, as
 * an operator and tenant administrators would: the tenants (provisioned), the analytics plugin
 * installed in each with its route open to users, a second workspace, and the users, members of
 * both workspaces. What exists already is kept, so a second run starts at once.
 */
final class LoadSetup {
  /** One person of the load test. */
  record Person(String tenant, String username, String password, String ws1, String ws2) {
    /** What a virtual person carries, with an address of its own for the rate limits. */
    Map<String, Object> record() {
      int h = username.hashCode() & 0xffffff;
      String ip = "10." + (h >> 16) + "." + ((h >> 8) & 255) + "." + (h & 255);
      return Map.of(
          "tenant", tenant, "username", username, "password", password, "ws1", ws1, "ws2", ws2,
          "ip", ip);
    }
  }

  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern SUBJECT = Pattern.compile("\"subject\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z]+)\"");

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;
  private final String keycloak;
  private final String devPassword;
  private final Path analyticsJar;

  LoadSetup(String base, String keycloak, String devPassword, Path analyticsJar) {
    this.base = base;
    this.keycloak = keycloak;
    this.devPassword = devPassword;
    this.analyticsJar = analyticsJar;
  }

  /** Tenants {@code load-01..}, each with its administrator and {@code usersPerTenant} users. */
  List<List<Person>> prepare(int tenants, int usersPerTenant) throws Exception {
    Instant start = Instant.now();
    String operator = sharedToken("plexica-platform", "admin", devPassword);
    deployAnalytics(operator);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<List<Person>>> made = new ArrayList<>();
    for (int i = 1; i <= tenants; i++) {
      String slug = String.format("load-%02d", i);
      made.add(pool.submit(() -> tenant(slug, usersPerTenant)));
    }
    List<List<Person>> people = new ArrayList<>();
    for (Future<List<Person>> tenant : made) {
      people.add(tenant.get());
    }
    pool.shutdown();
    System.out.printf(
        "setup: %d tenants, %d people ready in %d s%n",
        tenants,
        people.stream().mapToInt(List::size).sum(),
        Duration.between(start, Instant.now()).toSeconds());
    return people;
  }

  private void deployAnalytics(String operator) throws IOException, InterruptedException {
    HttpResponse<String> listed = send(get("/api/v1/admin/plugins/analytics", operator));
    if (listed.statusCode() == 200) {
      return;
    }
    HttpResponse<String> deployed =
        send(
            request("/api/v1/admin/plugins", operator)
                .header("Content-Type", "application/java-archive")
                .POST(HttpRequest.BodyPublishers.ofFile(analyticsJar))
                .build());
    expect(deployed, 201, "deploy analytics");
  }

  /** The tenant's people: its administrator first, then its users. */
  private List<Person> tenant(String slug, int users) throws Exception {
    String operator = sharedToken("plexica-platform", "admin", devPassword);
    String adminEmail = "admin@" + slug + ".example";
    if (send(get("/api/v1/tenants/" + slug, operator)).statusCode() == 404) {
      expect(
          send(
              post(
                  "/api/v1/tenants",
                  operator,
                  "{\"slug\":\"%s\",\"name\":\"Load %s\",\"adminEmail\":\"%s\"}"
                      .formatted(slug, slug, adminEmail))),
          202,
          "create tenant " + slug);
    }
    awaitActive(slug, operator);
    String admin = token(slug, adminEmail, devPassword);
    send(
        post(
            "/api/v1/plugin-installations",
            admin,
            "{\"pluginId\":\"analytics\",\"config\":{\"label\":\"" + slug + "\"}}"));
    send(
        request("/api/v1/roles/user", admin)
            .header("Content-Type", "application/merge-patch+json")
            .method(
                "PATCH",
                HttpRequest.BodyPublishers.ofString(
                    "{\"permissions\":[\"plugins:read\",\"roles:read\",\"tenant:read\","
                        + "\"users:read\",\"workspaces:create\",\"workspaces:read\","
                        + "\"analytics:summary:read\"]}"))
            .build());
    send(post("/api/v1/workspaces", admin, "{\"slug\":\"second\",\"name\":\"Second\"}"));
    String listed = send(get("/api/v1/workspaces", admin)).body();
    List<String> workspaces = ids(listed);
    if (workspaces.size() < 2) {
      throw new IllegalStateException(slug + ": expected two workspaces, got " + listed);
    }
    String ws1 = workspaces.get(0);
    String ws2 = workspaces.get(1);
    List<Person> people = new ArrayList<>();
    people.add(new Person(slug, adminEmail, devPassword, ws1, ws2));
    for (int u = 1; u <= users; u++) {
      String master = sharedToken("master", "admin", "admin");
      String username = "u" + u + "@" + slug + ".example";
      String password = "Load-" + slug + "-" + u;
      int created =
          send(
                  HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms/" + slug + "/users"))
                      .header("Authorization", "Bearer " + master)
                      .header("Content-Type", "application/json")
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              ("{\"username\":\"%s\",\"email\":\"%s\",\"firstName\":\"Load\","
                                      + "\"lastName\":\"User %d\",\"enabled\":true,"
                                      + "\"emailVerified\":true,\"credentials\":[{\"type\":"
                                      + "\"password\",\"value\":\"%s\",\"temporary\":false}]}")
                                  .formatted(username, username, u, password)))
                      .build())
              .statusCode();
      if (created != 201 && created != 409) {
        throw new IllegalStateException(slug + ": user " + username + " not made: " + created);
      }
      if (created == 201) {
        grantRole(master, slug, username, "user");
        String token = token(slug, username, password);
        String me = send(get("/api/v1/me", token)).body();
        Matcher subject = SUBJECT.matcher(me);
        if (!subject.find()) {
          throw new IllegalStateException(slug + ": no subject for " + username + ": " + me);
        }
        for (String ws : List.of(ws1, ws2)) {
          send(
              post(
                  "/api/v1/workspaces/" + ws + "/members",
                  admin,
                  "{\"userId\":\"" + subject.group(1) + "\",\"role\":\"MEMBER\"}"));
        }
      }
      people.add(new Person(slug, username, password, ws1, ws2));
    }
    return Collections.unmodifiableList(people);
  }

  /** The realm role, as a tenant administrator gives it in Keycloak's console. */
  private void grantRole(String master, String realm, String username, String role)
      throws Exception {
    String admin = keycloak + "/admin/realms/" + realm;
    String users =
        send(
                HttpRequest.newBuilder(
                        URI.create(
                            admin
                                + "/users?exact=true&username="
                                + URLEncoder.encode(username, StandardCharsets.UTF_8)))
                    .header("Authorization", "Bearer " + master)
                    .build())
            .body();
    Matcher id = ID.matcher(users);
    if (!id.find()) {
      throw new IllegalStateException(realm + ": no user " + username + ": " + users);
    }
    String representation =
        send(
                HttpRequest.newBuilder(URI.create(admin + "/roles/" + role))
                    .header("Authorization", "Bearer " + master)
                    .build())
            .body();
    expect(
        send(
            HttpRequest.newBuilder(
                    URI.create(admin + "/users/" + id.group(1) + "/role-mappings/realm"))
                .header("Authorization", "Bearer " + master)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[" + representation + "]"))
                .build()),
        204,
        realm + ": role " + role + " for " + username);
  }

  private void awaitActive(String slug, String operator) throws Exception {
    Instant deadline = Instant.now().plusSeconds(180);
    while (Instant.now().isBefore(deadline)) {
      Matcher status = STATUS.matcher(send(get("/api/v1/tenants/" + slug, operator)).body());
      if (status.find() && status.group(1).equals("ACTIVE")) {
        return;
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("Tenant " + slug + " did not become ACTIVE");
  }

  private final Map<String, String> shared = new java.util.HashMap<>();
  private final Map<String, Instant> sharedAt = new java.util.HashMap<>();

  /**
   * The operator's and Keycloak administrator's tokens, shared by the setup's threads and fetched
   * again after 50 s (the master realm's live 60): Keycloak refuses a burst of parallel logins of
   * one account as an attack.
   */
  private synchronized String sharedToken(String realm, String username, String password)
      throws Exception {
    String key = realm + "/" + username;
    if (!shared.containsKey(key) || sharedAt.get(key).isBefore(Instant.now().minusSeconds(50))) {
      shared.put(key, token(realm, username, password));
      sharedAt.put(key, Instant.now());
    }
    return shared.get(key);
  }

  String token(String realm, String username, String password) throws Exception {
    String form =
        "grant_type=password&client_id="
            + ("master".equals(realm) ? "admin-cli" : "plexica-cli")
            + "&username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(
                    URI.create(keycloak + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    Matcher token = TOKEN.matcher(response.body());
    if (response.statusCode() != 200 || !token.find()) {
      throw new IllegalStateException(
          "No token for " + username + " in " + realm + ": " + response.body());
    }
    return token.group(1);
  }

  private static List<String> ids(String json) {
    List<String> ids = new ArrayList<>();
    Matcher id = ID.matcher(json);
    while (id.find()) {
      ids.add(id.group(1));
    }
    return ids;
  }

  private HttpRequest.Builder request(String path, String token) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json");
  }

  private HttpRequest get(String path, String token) {
    return request(path, token).GET().build();
  }

  private HttpRequest post(String path, String token, String json) {
    return request(path, token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static void expect(HttpResponse<String> response, int status, String what) {
    if (response.statusCode() != status) {
      throw new IllegalStateException(
          what + ": " + response.statusCode() + " " + response.body());
    }
  }
}
