package io.plexica.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tenancy benchmarks against a running platform (run by bench/run; JDK 17 single-file program).
 *
 * <pre>
 *   java bench/tools/src/main/java/io/plexica/bench/TenantBench.java provision BASE_URL [TENANTS]       provisioning p50/p95
 *   java bench/tools/src/main/java/io/plexica/bench/TenantBench.java load BASE_URL TENANT_ID [SECONDS] [THREADS]   GET req/s, p50/p99
 * </pre>
 *
 * The platform administrator's access token comes from the environment variable PLEXICA_TOKEN.
 */
public class TenantBench {
  private static final String AUTHORIZATION = "Bearer " + System.getenv("PLEXICA_TOKEN");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println(
          "usage: provision BASE_URL [TENANTS] | load BASE_URL TENANT_ID [SECONDS] [THREADS]");
      System.exit(2);
    }
    switch (args[0]) {
      case "provision" -> provision(args[1], args.length > 2 ? Integer.parseInt(args[2]) : 25);
      case "load" ->
          load(
              args[1],
              args[2],
              args.length > 3 ? Integer.parseInt(args[3]) : 20,
              args.length > 4 ? Integer.parseInt(args[4]) : 32);
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  /** Creates tenants one after another; reports total and schema-part provisioning times. */
  static void provision(String base, int count) throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 6);
    long[] totals = new long[count];
    long[] schemaParts = new long[count];
    long[] realmSteps = new long[count];
    String lastId = null;
    for (int i = 0; i < count; i++) {
      String slug = "bench-" + run + "-" + i;
      long start = System.nanoTime();
      HttpResponse<String> created =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(base + "/api/v1/tenants"))
                  .header("Content-Type", "application/json")
                  .header("Authorization", AUTHORIZATION)
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"slug\":\""
                              + slug
                              + "\",\"name\":\"Bench "
                              + i
                              + "\",\"adminEmail\":\"admin@"
                              + slug
                              + ".example\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (created.statusCode() != 202) {
        throw new IllegalStateException("create failed: " + created.body());
      }
      String id = field(created.body(), "id");
      String progress;
      while (true) {
        progress = get(base + "/api/v1/tenants/" + id + "/provisioning").body();
        String status = field(progress, "status");
        if ("ACTIVE".equals(status)) {
          break;
        }
        if ("FAILED".equals(status)) {
          throw new IllegalStateException("provisioning failed: " + progress);
        }
        Thread.sleep(2);
      }
      totals[i] = (System.nanoTime() - start) / 1_000_000;
      schemaParts[i] =
          stepMillis(progress, "create-schema") + stepMillis(progress, "migrate-schema");
      realmSteps[i] = stepMillis(progress, "create-realm");
      lastId = id;
    }
    System.out.printf(
        Locale.ROOT,
        "provisioning over %d tenants (request to ACTIVE, as a client sees it): p50 %d ms, p95 %d ms, max %d ms%n",
        count,
        percentile(totals, 50),
        percentile(totals, 95),
        percentile(totals, 100));
    System.out.printf(
        Locale.ROOT,
        "schema part (create-schema + migrate-schema steps): p50 %d ms, p95 %d ms, max %d ms%n",
        percentile(schemaParts, 50),
        percentile(schemaParts, 95),
        percentile(schemaParts, 100));
    System.out.printf(
        Locale.ROOT,
        "realm step (create-realm in Keycloak): p50 %d ms, p95 %d ms, max %d ms%n",
        percentile(realmSteps, 50),
        percentile(realmSteps, 95),
        percentile(realmSteps, 100));
    System.out.println("tenant-id " + lastId);
  }

  /** Closed-loop load on GET /api/v1/tenants/{id} from THREADS clients for SECONDS. */
  static void load(String base, String id, int seconds, int threads) throws Exception {
    URI uri = URI.create(base + "/api/v1/tenants/" + id);
    HttpRequest request =
        HttpRequest.newBuilder(uri).header("Authorization", AUTHORIZATION).GET().build();
    for (long warm = System.nanoTime() + 3_000_000_000L; System.nanoTime() < warm; ) {
      HTTP.send(request, HttpResponse.BodyHandlers.discarding());
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    List<Future<long[]>> results = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      results.add(
          pool.submit(
              () -> {
                long[] latencies = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                  long start = System.nanoTime();
                  HttpResponse<Void> response =
                      HTTP.send(request, HttpResponse.BodyHandlers.discarding());
                  if (response.statusCode() != 200) {
                    throw new IllegalStateException("status " + response.statusCode());
                  }
                  if (n == latencies.length) {
                    latencies = Arrays.copyOf(latencies, n * 2);
                  }
                  latencies[n++] = System.nanoTime() - start;
                }
                return Arrays.copyOf(latencies, n);
              }));
    }
    List<long[]> all = new ArrayList<>();
    for (Future<long[]> result : results) {
      all.add(result.get());
    }
    pool.shutdown();
    long[] merged = all.stream().flatMapToLong(Arrays::stream).toArray();
    System.out.printf(
        Locale.ROOT,
        "GET /api/v1/tenants/{id}: %d requests in %d s from %d threads = %.0f req/s; p50 %.2f ms, p99 %.2f ms%n",
        merged.length,
        seconds,
        threads,
        merged.length / (double) seconds,
        percentile(merged, 50) / 1e6,
        percentile(merged, 99) / 1e6);
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", AUTHORIZATION)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static long stepMillis(String progress, String step) {
    Matcher m = Pattern.compile("\\{[^{}]*\"name\":\"" + step + "\"[^{}]*\\}").matcher(progress);
    if (!m.find()) {
      throw new IllegalStateException("no step " + step + " in " + progress);
    }
    return Long.parseLong(field(m.group(), "durationMs"));
  }

  private static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]*)").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + name + " in " + json);
    }
    return m.group(1);
  }

  private static long percentile(long[] values, int p) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
