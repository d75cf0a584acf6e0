package io.plexica.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tenants one after another until there are TENANTS more, measured after every BATCH (run by
 * bench/tenants-at-scale; JDK 17 single-file program): the realm step's p50/p95 in that batch, how
 * long Keycloak takes to list every realm, what its realms cache holds and evicts, its heap after a
 * collection and its time in GC, and its resident memory. The figures say where the knee in realm
 * creation comes from.
 *
 * <pre>
 *   java RealmScaleBench.java BASE_URL KEYCLOAK_URL KEYCLOAK_MANAGEMENT_URL KEYCLOAK_PID_FILE TENANTS [BATCH]
 * </pre>
 *
 * The platform administrator's token comes from {@code bin/plexica token} (asked again before it
 * runs out); Keycloak's administrator from PLEXICA_KEYCLOAK_ADMIN_USER and _PASSWORD.
 */
public class RealmScaleBench {
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Duration TOKEN_LIFE = Duration.ofMinutes(4);

  private static String platformToken;
  private static long platformTokenAt;

  public static void main(String[] args) throws Exception {
    if (args.length < 5) {
      System.err.println(
          "usage: BASE_URL KEYCLOAK_URL KEYCLOAK_MANAGEMENT_URL KEYCLOAK_PID_FILE TENANTS [BATCH]");
      System.exit(2);
    }
    String base = args[0];
    String keycloak = args[1];
    String management = args[2];
    Path pidFile = Path.of(args[3]);
    int tenants = Integer.parseInt(args[4]);
    int batch = args.length > 5 ? Integer.parseInt(args[5]) : 50;
    String run = UUID.randomUUID().toString().substring(0, 6);
    System.out.println(
        "| realms | realm step p50 / p95 (ms) | list realms (ms) | realms cache entries / evictions"
            + " | live heap after GC (MB) | GC time (s) | Keycloak RSS (MB) |");
    System.out.println("|---|---|---|---|---|---|---|");
    long[] steps = new long[batch];
    int inBatch = 0;
    for (int i = 0; i < tenants; i++) {
      steps[inBatch++] = provision(base, "scale-" + run + "-" + i);
      if (inBatch == batch || i == tenants - 1) {
        long[] done = Arrays.copyOf(steps, inBatch);
        long listing = listRealms(keycloak);
        String metrics = get(management + "/metrics", null).body();
        System.out.printf(
            Locale.ROOT,
            "| %d | %d / %d | %d | %s / %s | %s | %s | %d |%n",
            realmCount(keycloak),
            percentile(done, 50),
            percentile(done, 95),
            listing,
            metric(metrics, "vendor_statistics_approximate_entries", "realms"),
            metric(metrics, "vendor_statistics_evictions", "realms"),
            megabytes(sum(metrics, "jvm_gc_live_data_size_bytes(?:\\{[^}]*\\})?")),
            seconds(sum(metrics, "jvm_gc_pause_seconds_sum\\{[^}]*\\}")),
            residentMegabytes(pidFile));
        inBatch = 0;
      }
    }
  }

  /** Creates a tenant and waits for it to be ACTIVE; its realm step's duration in ms. */
  static long provision(String base, String slug) throws Exception {
    return stepMillis(awaitActive(base, create(base, slug, "REALM")), "create-realm");
  }

  /** Creates a tenant in an identity home (REALM or ORGANIZATION), waits until ACTIVE; its id. */
  static String provisionActive(String base, String slug, String identityHome) throws Exception {
    String id = create(base, slug, identityHome);
    awaitActive(base, id);
    return id;
  }

  private static String create(String base, String slug, String identityHome) throws Exception {
    HttpResponse<String> created =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/tenants"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + platformToken())
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"slug\":\"%s\",\"name\":\"%s\",\"adminEmail\":\"admin@%s.example\",\"identityHome\":\"%s\"}"
                            .formatted(slug, slug, slug, identityHome)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (created.statusCode() != 202) {
      throw new IllegalStateException("create failed: " + created.body());
    }
    return field(created.body(), "id");
  }

  /** Polls the tenant's provisioning every 10 ms until ACTIVE; its last progress document. */
  private static String awaitActive(String base, String id) throws Exception {
    while (true) {
      String progress =
          get(base + "/api/v1/tenants/" + id + "/provisioning", platformToken()).body();
      String status = field(progress, "status");
      if ("ACTIVE".equals(status)) {
        return progress;
      }
      if ("FAILED".equals(status)) {
        throw new IllegalStateException("provisioning failed: " + progress);
      }
      Thread.sleep(10);
    }
  }

  /** How long Keycloak's own console waits for its realm list, in ms. */
  private static long listRealms(String keycloak) throws Exception {
    String token = keycloakAdminToken(keycloak);
    long start = System.nanoTime();
    HttpResponse<String> list = get(keycloak + "/admin/realms?briefRepresentation=true", token);
    long millis = (System.nanoTime() - start) / 1_000_000;
    if (list.statusCode() != 200) {
      throw new IllegalStateException("realm list: " + list.statusCode() + " " + list.body());
    }
    return millis;
  }

  private static int realmCount(String keycloak) throws Exception {
    String body =
        get(keycloak + "/admin/realms?briefRepresentation=true", keycloakAdminToken(keycloak))
            .body();
    return (int) Pattern.compile("\"realm\"").matcher(body).results().count();
  }

  static String keycloakAdminToken(String keycloak) throws Exception {
    String form =
        "grant_type=password&client_id=admin-cli&username="
            + URLEncoder.encode(env("PLEXICA_KEYCLOAK_ADMIN_USER"), StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(env("PLEXICA_KEYCLOAK_ADMIN_PASSWORD"), StandardCharsets.UTF_8);
    HttpResponse<String> token =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(keycloak + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return field(token.body(), "access_token");
  }

  static String platformToken() throws IOException, InterruptedException {
    if (platformToken == null || System.nanoTime() - platformTokenAt > TOKEN_LIFE.toNanos()) {
      Process token = new ProcessBuilder("bin/plexica", "token").start();
      platformToken = new String(token.getInputStream().readAllBytes()).strip();
      if (token.waitFor() != 0 || platformToken.isEmpty()) {
        throw new IllegalStateException("bin/plexica token failed");
      }
      platformTokenAt = System.nanoTime();
    }
    return platformToken;
  }

  private static String env(String name) {
    String value = System.getenv(name);
    if (value == null) {
      throw new IllegalStateException(name + " is not set");
    }
    return value;
  }

  static HttpResponse<String> get(String url, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A metric of one cache, or "n/a" where Keycloak does not report it. */
  private static String metric(String metrics, String name, String cache) {
    Matcher m =
        Pattern.compile(
                "^" + name + "\\{[^}]*cache=\"" + cache + "\"[^}]*\\} ([0-9.eE+-]+)$",
                Pattern.MULTILINE)
            .matcher(metrics);
    return m.find() ? String.valueOf((long) Double.parseDouble(m.group(1))) : "n/a";
  }

  /** The sum of every series of a metric whose name and labels match. */
  static double sum(String metrics, String series) {
    Matcher m =
        Pattern.compile("^" + series + " ([0-9.eE+-]+)$", Pattern.MULTILINE).matcher(metrics);
    double total = 0;
    while (m.find()) {
      total += Double.parseDouble(m.group(1));
    }
    return total;
  }

  static String megabytes(double bytes) {
    return String.valueOf(Math.round(bytes / (1 << 20)));
  }

  private static String seconds(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  static long residentMegabytes(Path pidFile) throws IOException {
    String pid = Files.readString(pidFile).strip();
    // kc.sh starts java as its child: the JVM is the process whose parent is the pid kept.
    for (Path proc : Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      Path status = proc.resolve("status");
      try {
        String text = Files.readString(status);
        if (proc.getFileName().toString().equals(pid) || text.contains("\nPPid:\t" + pid + "\n")) {
          Matcher m = Pattern.compile("VmRSS:\\s+(\\d+) kB").matcher(text);
          if (m.find() && text.contains("Name:\tjava")) {
            return Long.parseLong(m.group(1)) / 1024;
          }
        }
      } catch (IOException gone) {
        // a process that ended while being read
      }
    }
    return -1;
  }

  private static long stepMillis(String progress, String step) {
    Matcher m = Pattern.compile("\\{[^{}]*\"name\":\"" + step + "\"[^{}]*\\}").matcher(progress);
    if (!m.find()) {
      throw new IllegalStateException("no step " + step + " in " + progress);
    }
    return Long.parseLong(field(m.group(), "durationMs"));
  }

  static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]*)").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + name + " in " + json);
    }
    return m.group(1);
  }

  static long percentile(long[] values, int p) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
