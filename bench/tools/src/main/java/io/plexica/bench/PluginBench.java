package io.plexica.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plugin benchmarks against a running platform (run by bench/run; JDK 17 single-file program).
 *
 * <pre>
 *   java bench/tools/src/main/java/io/plexica/bench/PluginBench.java BASE_URL KEYCLOAK_URL BUNDLE [DEPLOYS] [REQUESTS]
 * </pre>
 *
 * 1. Upload to answer: DEPLOYS times, a new plugin (the bundle with its id changed) is uploaded,
 * installed in a tenant, and its route {@code GET /ok} called until it answers; the time from the
 * upload's start to the first 200 is reported. 2. Dispatch overhead: {@code GET
 * /api/v1/plugins/<id>/ok} against the core endpoint {@code GET /api/v1/permissions} (both
 * tenant-scoped with a permission check and a small JSON answer), REQUESTS each, one at a time
 * after a warm-up, with the tenant admin's token. The super-admin token comes from PLEXICA_TOKEN.
 */
public class PluginBench {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String ADMIN = "Bearer " + System.getenv("PLEXICA_TOKEN");

  public static void main(String[] args) throws Exception {
    String base = args[0];
    String keycloak = args[1];
    byte[] bundle = Files.readAllBytes(Path.of(args[2]));
    int deploys = args.length > 3 ? Integer.parseInt(args[3]) : 10;
    int requests = args.length > 4 ? Integer.parseInt(args[4]) : 3000;
    String run = UUID.randomUUID().toString().substring(0, 6);

    String slug = "pbench-" + run;
    send(
        "POST",
        base + "/api/v1/tenants",
        ADMIN,
        "application/json",
        ("{\"slug\":\"%s\",\"name\":\"Plugin bench\",\"adminEmail\":\"admin@%s.example\"}")
            .formatted(slug, slug)
            .getBytes(StandardCharsets.UTF_8),
        202);
    for (int i = 0;
        i < 600
            && !send("GET", base + "/api/v1/tenants/" + slug, ADMIN, null, null, 200)
                .contains("\"ACTIVE\"");
        i++) {
      Thread.sleep(100);
    }
    String tenantAdmin = "Bearer " + token(keycloak, slug, "admin@" + slug + ".example");

    long[] deployMillis = new long[deploys];
    String lastId = null;
    for (int i = 0; i < deploys; i++) {
      String id = "pbench-" + run + "-" + i;
      byte[] renamed = withId(bundle, id);
      long start = System.nanoTime();
      send("POST", base + "/api/v1/admin/plugins", ADMIN, "application/java-archive", renamed, 201);
      send(
          "POST",
          base + "/api/v1/plugin-installations",
          tenantAdmin,
          "application/json",
          ("{\"pluginId\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8),
          201);
      while (status(base + "/api/v1/plugins/" + id + "/ok", tenantAdmin) != 200) {
        Thread.sleep(1);
      }
      deployMillis[i] = (System.nanoTime() - start) / 1_000_000;
      lastId = id;
    }
    Arrays.sort(deployMillis);
    System.out.printf(
        Locale.ROOT,
        "upload to first answer (upload + install + GET), %d plugins: p50 %d ms, max %d ms%n",
        deploys,
        deployMillis[deploys / 2],
        deployMillis[deploys - 1]);

    String plugin = base + "/api/v1/plugins/" + lastId + "/ok";
    String core = base + "/api/v1/permissions";
    for (int i = 0; i < requests; i++) {
      status(plugin, tenantAdmin);
      status(core, tenantAdmin);
    }
    long[] pluginNanos = new long[requests];
    long[] coreNanos = new long[requests];
    for (int i = 0; i < requests; i++) {
      long t = System.nanoTime();
      status(plugin, tenantAdmin);
      pluginNanos[i] = System.nanoTime() - t;
      t = System.nanoTime();
      status(core, tenantAdmin);
      coreNanos[i] = System.nanoTime() - t;
    }
    Arrays.sort(pluginNanos);
    Arrays.sort(coreNanos);
    System.out.printf(
        Locale.ROOT,
        "dispatch, %d requests each, sequential: plugin route p50 %.2f ms, p99 %.2f ms;"
            + " core endpoint p50 %.2f ms, p99 %.2f ms; ratio at p50 %.2fx, at p99 %.2fx%n",
        requests,
        ms(pluginNanos, 50),
        ms(pluginNanos, 99),
        ms(coreNanos, 50),
        ms(coreNanos, 99),
        ms(pluginNanos, 50) / ms(coreNanos, 50),
        ms(pluginNanos, 99) / ms(coreNanos, 99));
  }

  static double ms(long[] sorted, int percentile) {
    return sorted[Math.max(0, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)] / 1e6;
  }

  static int status(String url, String authorization) throws Exception {
    return HTTP.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", authorization)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  static String send(
      String method, String url, String authorization, String type, byte[] body, int expected)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", authorization)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    if (type != null) {
      request.header("Content-Type", type);
    }
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      throw new IllegalStateException(
          method + " " + url + ": " + response.statusCode() + " " + response.body());
    }
    return response.body();
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
    Matcher token = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(body);
    if (!token.find()) {
      throw new IllegalStateException("No token: " + body);
    }
    return token.group(1);
  }

  /** The bundle with its plugin.json naming another plugin id. */
  static byte[] withId(byte[] bundle, String id) throws Exception {
    try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(bundle));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
      try (JarOutputStream out = new JarOutputStream(bytes, in.getManifest())) {
        for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
          out.putNextEntry(new JarEntry(entry.getName()));
          if (entry.getName().equals("META-INF/plexica/plugin.json")) {
            String manifest =
                new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replaceFirst("\"id\"\\s*:\\s*\"[^\"]+\"", "\"id\": \"" + id + "\"");
            out.write(manifest.getBytes(StandardCharsets.UTF_8));
          } else {
            in.transferTo(out);
          }
          out.closeEntry();
        }
      }
      return bytes.toByteArray();
    }
  }
}
