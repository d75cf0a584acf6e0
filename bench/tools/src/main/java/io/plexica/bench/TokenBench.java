package io.plexica.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What token checking costs per request (run by bench/run; JDK 17 single-file program).
 *
 * <pre>
 *   java bench/tools/src/main/java/io/plexica/bench/TokenBench.java BASE_URL KEYCLOAK_URL [TOKENS]
 * </pre>
 *
 * Takes TOKENS distinct super-admin tokens from Keycloak, then calls {@code GET /api/v1/me} once
 * with each (first sight: JWKS signature check plus a Redis miss and write) and once more with each
 * (Redis hit), sequentially, and prints both latency distributions and the difference.
 */
public class TokenBench {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  public static void main(String[] args) throws Exception {
    String base = args[0];
    String keycloak = args[1];
    int count = args.length > 2 ? Integer.parseInt(args[2]) : 200;
    String[] tokens = new String[count];
    for (int i = 0; i < count; i++) {
      tokens[i] = token(keycloak);
    }
    for (int i = 0; i < 50; i++) { // warm the request path with one token
      me(base, tokens[0]);
    }
    long[] firstSight = new long[count - 1];
    long[] cached = new long[count - 1];
    for (int i = 1; i < count; i++) {
      firstSight[i - 1] = me(base, tokens[i]);
    }
    for (int i = 1; i < count; i++) {
      cached[i - 1] = me(base, tokens[i]);
    }
    System.out.printf(
        Locale.ROOT,
        "GET /api/v1/me, %d distinct tokens, sequential: first sight (verified) p50 %.2f ms, p95 %.2f ms;"
            + " cached p50 %.2f ms, p95 %.2f ms; verification adds %.2f ms at p50%n",
        count - 1,
        ms(firstSight, 50),
        ms(firstSight, 95),
        ms(cached, 50),
        ms(cached, 95),
        ms(firstSight, 50) - ms(cached, 50));
  }

  private static long me(String base, String token) throws Exception {
    long start = System.nanoTime();
    HttpResponse<Void> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/me"))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.discarding());
    long elapsed = System.nanoTime() - start;
    if (response.statusCode() != 200) {
      throw new IllegalStateException("/me answered " + response.statusCode());
    }
    return elapsed;
  }

  private static String token(String keycloak) throws Exception {
    String form =
        "grant_type=password&client_id=plexica-cli&username=admin&password="
            + URLEncoder.encode(
                System.getenv().getOrDefault("PLEXICA_IDENTITY_PLATFORM_ADMIN_PASSWORD", "admin"),
                StandardCharsets.UTF_8);
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(keycloak + "/realms/plexica-platform/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(response.body());
    if (!m.find()) {
      throw new IllegalStateException("no token: " + response.body());
    }
    return m.group(1);
  }

  private static double ms(long[] nanos, int percentile) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }
}
