package io.plexica.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Workspace benchmarks over HTTP against a running platform (run by bench/run; JDK 17 single-file
 * program).
 *
 * <pre>
 *   java bench/tools/src/main/java/io/plexica/bench/WorkspaceBench.java BASE_URL KEYCLOAK_URL [CREATES] [SWITCHES]
 * </pre>
 *
 * In a new tenant, as its administrator (who creates, and so is ADMIN of, every workspace): 1.
 * create: CREATES workspaces, one request at a time ({@code POST /api/v1/workspaces}: the plugin
 * veto hook, the row, the creator's membership and two audit entries in one transaction); 2.
 * switch: SWITCHES requests of {@code GET /api/v1/workspaces/{id}} round-robin over them, after a
 * warm-up (token check, membership look-up through the Redis cache, the workspace's row); 3. switch
 * after a change: the first switch after a member's role changed in that workspace, so the
 * membership comes from the database again. The super-admin token comes from PLEXICA_TOKEN.
 */
public class WorkspaceBench {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

  public static void main(String[] args) throws Exception {
    String base = args[0] + "/api/v1";
    String keycloak = args[1];
    int creates = args.length > 2 ? Integer.parseInt(args[2]) : 200;
    int switches = args.length > 3 ? Integer.parseInt(args[3]) : 3000;
    String superAdmin = "Bearer " + System.getenv("PLEXICA_TOKEN");
    String slug = "wbench-" + UUID.randomUUID().toString().substring(0, 6);

    call(
        "POST",
        base + "/tenants",
        superAdmin,
        "{\"slug\":\"%s\",\"name\":\"Workspace bench\",\"adminEmail\":\"admin@%s.example\"}"
            .formatted(slug, slug),
        202);
    for (int i = 0;
        i < 600
            && !call("GET", base + "/tenants/" + slug, superAdmin, null, 200)
                .contains("\"ACTIVE\"");
        i++) {
      Thread.sleep(100);
    }
    String admin = "Bearer " + token(keycloak, slug, "admin@" + slug + ".example");
    String adminId = field(call("GET", base + "/me", admin, null, 200), "subject");

    List<String> ids = new ArrayList<>();
    long[] create = new long[creates];
    for (int i = 0; i < creates; i++) {
      long start = System.nanoTime();
      String body =
          call(
              "POST",
              base + "/workspaces",
              admin,
              "{\"slug\":\"w-%d\",\"name\":\"Workspace %d\"}".formatted(i, i),
              201);
      create[i] = System.nanoTime() - start;
      Matcher id = ID.matcher(body);
      id.find();
      ids.add(id.group(1));
    }
    report("create (POST /workspaces)", create);

    for (int i = 0; i < switches; i++) {
      call("GET", base + "/workspaces/" + ids.get(i % ids.size()), admin, null, 200);
    }
    long[] warm = new long[switches];
    for (int i = 0; i < switches; i++) {
      long start = System.nanoTime();
      call("GET", base + "/workspaces/" + ids.get(i % ids.size()), admin, null, 200);
      warm[i] = System.nanoTime() - start;
    }
    report("switch (GET /workspaces/{id}, membership cached)", warm);

    int changes = Math.min(200, ids.size());
    long[] afterChange = new long[changes];
    for (int i = 0; i < changes; i++) {
      String ws = base + "/workspaces/" + ids.get(i);
      // The administrator's own role stays ADMIN; the change still invalidates the workspace.
      call("PATCH", ws + "/members/" + adminId, admin, "{\"role\":\"ADMIN\"}", 200);
      long start = System.nanoTime();
      call("GET", ws, admin, null, 200);
      afterChange[i] = System.nanoTime() - start;
    }
    report("switch right after a membership change (cache reloaded)", afterChange);
  }

  static void report(String what, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "%s, %d requests: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        what,
        sorted.length,
        ms(sorted, 50),
        ms(sorted, 95),
        ms(sorted, 99),
        sorted[sorted.length - 1] / 1e6);
  }

  static double ms(long[] sorted, int percentile) {
    return sorted[Math.max(0, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)] / 1e6;
  }

  static String call(String method, String url, String authorization, String json, int expected)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", authorization)
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      throw new IllegalStateException(
          method + " " + url + ": " + response.statusCode() + " " + response.body());
    }
    return response.body();
  }

  static String field(String json, String name) {
    Matcher value = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
    if (!value.find()) {
      throw new IllegalStateException("No " + name + " in " + json);
    }
    return value.group(1);
  }

  static String token(String keycloak, String realm, String user) throws Exception {
    String form =
        "grant_type=password&client_id=plexica-cli&username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password=admin";
    String body =
        HTTP.send(
                HttpRequest.newBuilder(
                        URI.create(
                            keycloak + "/realms/" + realm + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    return field(body, "access_token");
  }
}
