package io.plexica.bench;

import static io.plexica.bench.PluginBench.send;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Moving a tenant's people between identity homes (bench/identity-move): a tenant with a realm of
 * its own and PEOPLE people (each with a password of their own, made in the realm and mirrored by
 * the platform's sync) moves to an organization of a shared realm and back. One row per move: the
 * request to DONE (with the answer to the request, where what stops a move is checked, and the time
 * seen at each step), and, for a sample of people, whether each signs in at the new home with the
 * password they had and keeps their id, with the sign-in's p50.
 *
 * <pre>
 *   IdentityMoveBench BASE_URL KEYCLOAK_URL PEOPLE
 * </pre>
 */
public class IdentityMoveBench {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final int SAMPLE = 20;

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: BASE_URL KEYCLOAK_URL PEOPLE");
      System.exit(2);
    }
    String base = args[0];
    String keycloak = args[1];
    int people = Integer.parseInt(args[2]);
    String slug = "homes-" + UUID.randomUUID().toString().substring(0, 6);
    String tenantId = RealmScaleBench.provisionActive(base, slug, "REALM");
    makePeople(keycloak, slug, people);
    String admin = "Bearer " + PluginBench.token(keycloak, slug, "admin@" + slug + ".example");
    send("POST", base + "/api/v1/users/sync", admin, null, null, 200);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < SAMPLE; i++) {
      ids.add(subject(signIn(keycloak, slug, person(i), null)));
    }

    System.out.printf(
        Locale.ROOT,
        "| move | people | request to DONE (ms) | answer to the request (checks, ms) | at"
            + " PREPARE_TARGET / MOVE_PEOPLE / SWITCH+CLEAN_UP (ms) | signed in with their"
            + " password, same id | sign-in p50 (ms) |%n|---|---|---|---|---|---|---|%n");
    for (String home : List.of("ORGANIZATION", "REALM")) {
      long started = System.nanoTime();
      send(
          "POST",
          base + "/api/v1/tenants/" + tenantId + "/identity-moves",
          "Bearer " + RealmScaleBench.platformToken(),
          "application/json",
          ("{\"identityHome\":\"" + home + "\"}").getBytes(StandardCharsets.UTF_8),
          202);
      long accepted = System.nanoTime();
      // Time seen at each step, by polling every 20 ms.
      java.util.Map<String, Long> atStep = new java.util.LinkedHashMap<>();
      long seen = accepted;
      String latest;
      do {
        Thread.sleep(20);
        latest =
            RealmScaleBench.get(
                    base + "/api/v1/tenants/" + tenantId + "/identity-moves",
                    RealmScaleBench.platformToken())
                .body();
        long now = System.nanoTime();
        atStep.merge(RealmScaleBench.field(latest, "step"), now - seen, Long::sum);
        seen = now;
      } while ("RUNNING".equals(RealmScaleBench.field(latest, "state")));
      long total = (System.nanoTime() - started) / 1_000_000;
      if (!"DONE".equals(RealmScaleBench.field(latest, "state"))) {
        throw new IllegalStateException("the move ended: " + latest);
      }
      String realm =
          RealmScaleBench.field(
              RealmScaleBench.get(
                      base + "/api/v1/tenants/" + tenantId, RealmScaleBench.platformToken())
                  .body(),
              "realm");
      String scope = "ORGANIZATION".equals(home) ? "openid organization:" + slug : null;
      int same = 0;
      long[] millis = new long[SAMPLE];
      for (int i = 0; i < SAMPLE; i++) {
        long t = System.nanoTime();
        String token = signIn(keycloak, realm, person(i), scope);
        millis[i] = (System.nanoTime() - t) / 1_000_000;
        if (subject(token).equals(ids.get(i))) {
          same++;
        }
      }
      java.util.Arrays.sort(millis);
      System.out.printf(
          Locale.ROOT,
          "| to %s (%s) | %d | %d | %d | %d / %d / %d | %d of %d | %d |%n",
          home,
          realm,
          people + 1,
          total,
          (accepted - started) / 1_000_000,
          atStep.getOrDefault("PREPARE_TARGET", 0L) / 1_000_000,
          atStep.getOrDefault("MOVE_PEOPLE", 0L) / 1_000_000,
          (atStep.getOrDefault("SWITCH", 0L) + atStep.getOrDefault("CLEAN_UP", 0L)) / 1_000_000,
          same,
          SAMPLE,
          millis[SAMPLE / 2]);
    }
  }

  private static String person(int i) {
    return "person-" + i;
  }

  /** PEOPLE users with passwords of their own, made in the realm by 8 clients at once. */
  private static void makePeople(String keycloak, String realm, int people) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(8);
    List<Future<String>> made = new ArrayList<>();
    String token = null;
    for (int i = 0; i < people; i++) {
      if (i % 100 == 0) {
        // Keycloak's own administrator gets tokens that live a minute.
        for (Future<String> user : made) {
          user.get();
        }
        token = "Bearer " + RealmScaleBench.keycloakAdminToken(keycloak);
      }
      String authorization = token;
      String name = person(i);
      String user =
          ("{\"username\":\"%s\",\"email\":\"%s@%s.example\",\"firstName\":\"Person\","
                  + "\"lastName\":\"%s\",\"enabled\":true,\"emailVerified\":true,"
                  + "\"credentials\":[{\"type\":\"password\",\"value\":\"%s\","
                  + "\"temporary\":false}]}")
              .formatted(name, name, realm, name, password(name));
      made.add(
          clients.submit(
              () ->
                  send(
                      "POST",
                      keycloak + "/admin/realms/" + realm + "/users",
                      authorization,
                      "application/json",
                      user.getBytes(StandardCharsets.UTF_8),
                      201)));
    }
    for (Future<String> user : made) {
      user.get();
    }
    clients.shutdown();
  }

  private static String password(String user) {
    return "pw-" + user + "-Secret1";
  }

  private static String signIn(String keycloak, String realm, String user, String scope)
      throws Exception {
    String form =
        "grant_type=password&client_id=plexica-cli&username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password(user), StandardCharsets.UTF_8)
            + (scope == null ? "" : "&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8));
    HttpResponse<String> answer =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(keycloak + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException(user + " cannot sign in to " + realm + ": " + answer.body());
    }
    return RealmScaleBench.field(answer.body(), "access_token");
  }

  private static String subject(String token) {
    String claims =
        new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    return RealmScaleBench.field(claims, "sub");
  }
}
