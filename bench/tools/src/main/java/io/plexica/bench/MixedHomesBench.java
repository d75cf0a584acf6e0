package io.plexica.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Thousands of tenants in both identity homes on one machine (bench/mixed-homes): REALMS tenants
 * with their own realm and ORGANIZATIONS tenants as organizations of shared realms, created one
 * after another and spread evenly (one own realm every ORGANIZATIONS / REALMS organizations). After
 * the first 50 and then every BATCH, one row: provisioning as a client sees it (request to {@code
 * ACTIVE}) per home, a tenant administrator's login (password grant) and {@code GET /api/v1/me}
 * with that token, each sampled on tenants picked at random among those made so far, and Keycloak's
 * resident memory and live heap. At the end, Keycloak and the platform are each restarted and timed
 * to ready.
 *
 * <pre>
 *   MixedHomesBench BASE_URL KEYCLOAK_URL KEYCLOAK_MANAGEMENT_URL KEYCLOAK_PID_FILE REALMS ORGANIZATIONS [BATCH]
 * </pre>
 *
 * Tenant administrators sign in with the launcher's development password ({@code
 * PLEXICA_IDENTITY_DEV_PASSWORD}, "admin" unless set).
 */
public class MixedHomesBench {
  private static final int BASELINE = 50;
  private static final int LOGINS_PER_SAMPLE = 50;
  private static final int REQUESTS_PER_LOGIN = 10;
  private static final Pattern UP = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");

  /** A tenant made by the run, where its administrator signs in. */
  private record Made(String slug, String realm, boolean organization) {}

  public static void main(String[] args) throws Exception {
    if (args.length < 6) {
      System.err.println(
          "usage: BASE_URL KEYCLOAK_URL KEYCLOAK_MANAGEMENT_URL KEYCLOAK_PID_FILE REALMS"
              + " ORGANIZATIONS [BATCH]");
      System.exit(2);
    }
    String base = args[0];
    String keycloak = args[1];
    String management = args[2];
    Path pidFile = Path.of(args[3]);
    int realms = Integer.parseInt(args[4]);
    int organizations = Integer.parseInt(args[5]);
    int batch = args.length > 6 ? Integer.parseInt(args[6]) : 500;
    int total = realms + organizations;
    String password = System.getenv().getOrDefault("PLEXICA_IDENTITY_DEV_PASSWORD", "admin");
    String run = UUID.randomUUID().toString().substring(0, 6);
    Random random = new Random(19);

    System.out.println(
        "| tenants (own realms + organizations) | shared realms | provisioning p50 / p95, own realm"
            + " (ms) | provisioning p50 / p95, organization (ms) | login p50 (p95), own realm /"
            + " organization (ms) | `GET /me` p50, own realm / organization (ms) | Keycloak live heap / RSS (MB) |");
    System.out.println("|---|---|---|---|---|---|---|");
    List<Made> made = new ArrayList<>();
    List<Long> realmTimes = new ArrayList<>();
    List<Long> organizationTimes = new ArrayList<>();
    int ownRealms = 0;
    for (int i = 0; i < total; i++) {
      // Evenly spread: the i-th tenant has its own realm when the running share of realms steps up.
      boolean organization = (long) (i + 1) * realms / total == (long) i * realms / total;
      String slug = "mix-" + run + "-" + i;
      long started = System.nanoTime();
      String id =
          RealmScaleBench.provisionActive(base, slug, organization ? "ORGANIZATION" : "REALM");
      long millis = (System.nanoTime() - started) / 1_000_000;
      (organization ? organizationTimes : realmTimes).add(millis);
      String realm =
          RealmScaleBench.field(
              RealmScaleBench.get(base + "/api/v1/tenants/" + id, RealmScaleBench.platformToken())
                  .body(),
              "realm");
      made.add(new Made(slug, realm, organization));
      ownRealms += organization ? 0 : 1;
      int count = i + 1;
      if (count == BASELINE || count % batch == 0 || count == total) {
        long[] realmLogin = new long[LOGINS_PER_SAMPLE];
        long[] organizationLogin = new long[LOGINS_PER_SAMPLE];
        long[] realmMe = new long[LOGINS_PER_SAMPLE * REQUESTS_PER_LOGIN];
        long[] organizationMe = new long[LOGINS_PER_SAMPLE * REQUESTS_PER_LOGIN];
        sample(base, keycloak, password, pick(made, false, random), realmLogin, realmMe);
        sample(
            base, keycloak, password, pick(made, true, random), organizationLogin, organizationMe);
        String metrics = RealmScaleBench.get(management + "/metrics", null).body();
        System.out.printf(
            Locale.ROOT,
            "| %,d (%,d + %,d) | %d | %s | %s | %s / %s | %s / %s | %s / %d |%n",
            count,
            ownRealms,
            count - ownRealms,
            made.stream().filter(Made::organization).map(Made::realm).distinct().count(),
            percentiles(realmTimes),
            percentiles(organizationTimes),
            p50AndP95(realmLogin),
            p50AndP95(organizationLogin),
            p50(realmMe),
            p50(organizationMe),
            RealmScaleBench.megabytes(
                RealmScaleBench.sum(metrics, "jvm_gc_live_data_size_bytes(?:\\{[^}]*\\})?")),
            RealmScaleBench.residentMegabytes(pidFile));
        realmTimes.clear();
        organizationTimes.clear();
      }
    }
    restarts(base, keycloak, management, pidFile, password, made, random);
  }

  /**
   * Keycloak, then the platform, stopped and started again, each timed to ready; then the first
   * logins on a Keycloak that has not loaded a realm yet.
   */
  private static void restarts(
      String base,
      String keycloak,
      String management,
      Path pidFile,
      String password,
      List<Made> made,
      Random random)
      throws Exception {
    long keycloakPid = Long.parseLong(Files.readString(pidFile).strip());
    ProcessHandle.of(keycloakPid)
        .ifPresent(
            kc -> {
              kc.descendants().forEach(ProcessHandle::destroy);
              kc.destroy();
              kc.onExit().join();
            });
    long started = System.nanoTime();
    // `up` starts what is not running: Keycloak only.
    Process up = new ProcessBuilder("bin/plexica", "up").redirectErrorStream(true).start();
    up.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    long keycloakReady = StartupScaleBench.waitUntil(() -> keycloakReady(keycloak, management));
    if (up.waitFor() != 0) {
      throw new IllegalStateException("bin/plexica up failed after Keycloak's restart");
    }
    long[] coldLogin = new long[LOGINS_PER_SAMPLE];
    long[] coldMe = new long[LOGINS_PER_SAMPLE * REQUESTS_PER_LOGIN];
    sample(base, keycloak, password, pick(made, true, random), coldLogin, coldMe);

    StartupScaleBench.run("bin/plexica", "replica", "stop", "1");
    long platformStarted = System.nanoTime();
    Process liberty = new ProcessBuilder("bin/plexica", "replica", "start", "1").start();
    liberty.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    long platformReady = StartupScaleBench.waitUntil(() -> StartupScaleBench.up(base));
    liberty.waitFor();
    System.out.printf(
        Locale.ROOT,
        "%nKeycloak restarted with %,d tenants: ready after %.1f s; then organization logins p50"
            + " (p95) %s ms (max %d ms, %d logins). The platform restarted: ready after %.1f s.%n",
        made.size(),
        (keycloakReady - started) / 1e9,
        p50AndP95(coldLogin),
        max(coldLogin),
        coldLogin.length,
        (platformReady - platformStarted) / 1e9);
  }

  private static boolean keycloakReady(String keycloak, String management) {
    try {
      return UP.matcher(RealmScaleBench.get(management + "/health/ready", null).body()).find()
          && RealmScaleBench.get(keycloak + "/realms/master", null).statusCode() == 200;
    } catch (Exception notYet) {
      return false;
    }
  }

  private static List<Made> pick(List<Made> made, boolean organization, Random random) {
    List<Made> ofHome = made.stream().filter(m -> m.organization() == organization).toList();
    List<Made> picked = new ArrayList<>();
    for (int i = 0; i < LOGINS_PER_SAMPLE; i++) {
      picked.add(ofHome.get(random.nextInt(ofHome.size())));
    }
    return picked;
  }

  /** Signs in each tenant's administrator and asks for {@code /me} with the token. */
  private static void sample(
      String base,
      String keycloak,
      String password,
      List<Made> tenants,
      long[] logins,
      long[] requests)
      throws Exception {
    int r = 0;
    for (int i = 0; i < tenants.size(); i++) {
      Made tenant = tenants.get(i);
      long started = System.nanoTime();
      String token = login(keycloak, tenant, password);
      logins[i] = (System.nanoTime() - started) / 1_000_000;
      for (int j = 0; j < REQUESTS_PER_LOGIN; j++) {
        long before = System.nanoTime();
        HttpResponse<String> me = RealmScaleBench.get(base + "/api/v1/me", token);
        requests[r++] = (System.nanoTime() - before) / 1_000;
        if (me.statusCode() != 200) {
          throw new IllegalStateException("/me of " + tenant.slug() + ": " + me.body());
        }
      }
    }
  }

  private static String login(String keycloak, Made tenant, String password) throws Exception {
    String form =
        "grant_type=password&client_id=plexica-cli&username="
            + URLEncoder.encode("admin@" + tenant.slug() + ".example", StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8)
            + (tenant.organization() ? "&scope=openid+organization%3A" + tenant.slug() : "");
    HttpResponse<String> answer =
        RealmScaleBench.HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        keycloak + "/realms/" + tenant.realm() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException("login to " + tenant.slug() + ": " + answer.body());
    }
    return RealmScaleBench.field(answer.body(), "access_token");
  }

  private static String percentiles(List<Long> millis) {
    if (millis.isEmpty()) {
      return "–";
    }
    long[] values = millis.stream().mapToLong(Long::longValue).toArray();
    return RealmScaleBench.percentile(values, 50) + " / " + RealmScaleBench.percentile(values, 95);
  }

  /** The median; request samples are in µs and shown in ms with one decimal. */
  private static String p50(long[] values) {
    long median = RealmScaleBench.percentile(values, 50);
    return values.length > LOGINS_PER_SAMPLE
        ? String.format(Locale.ROOT, "%.1f", median / 1000.0)
        : String.valueOf(median);
  }

  /** Logins' median with their 95th percentile in brackets, in ms: "64 (103)". */
  private static String p50AndP95(long[] logins) {
    return p50(logins) + " (" + RealmScaleBench.percentile(logins, 95) + ")";
  }

  private static long max(long[] values) {
    return java.util.Arrays.stream(values).max().orElse(0);
  }
}
