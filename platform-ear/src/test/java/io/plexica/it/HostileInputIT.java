package io.plexica.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every operation the served {@code /openapi} document lists, sent hostile values in each place it
 * takes input: every path parameter, every query parameter, and the body (malformed, deep,
 * NUL-bearing, wrong types for each documented property, wrong content type). No answer may be a
 * 5xx, and every refusal is a problem document. The document drives the pass, so an endpoint added
 * tomorrow is attacked tomorrow. How many checks ran is printed (docs/security.md quotes it).
 */
class HostileInputIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** Values for path and query parameters. */
  private static final List<String> VALUES =
      List.of(
          "a\u0000b",
          "x".repeat(5000),
          "99999999999999999999",
          "-1",
          "-2147483649",
          "2147483647",
          "1e309",
          "NaN",
          "+999999999-12-31T23:59:59Z",
          "' OR 1=1 --",
          "%",
          "\uD83D\uDCA5",
          "<script>alert(1)</script>",
          " ");

  /** Bodies that are no document of any operation. */
  private static final List<String> BODIES =
      List.of(
          "{\"a\":" + "[".repeat(20_000) + "]".repeat(20_000) + "}",
          "{\"name\":\"a\\u0000b\",\"slug\":\"a\\u0000b\"}",
          "[]",
          "\"text\"",
          "12345678901234567890",
          "null",
          "{",
          "{\"a\":1e999999}",
          "{\"a\":\"" + "x".repeat(100_000) + "\"}");

  /** Wrong values for each property a body schema documents. */
  private static final List<String> WRONG_PROPERTY_VALUES =
      List.of(
          "12345678901234567890",
          "-1",
          "true",
          "[]",
          "{}",
          "null",
          "\"a\\u0000b\"",
          "\"" + "x".repeat(10_000) + "\"",
          "\"+999999999-12-31T23:59:59Z\"");

  private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

  private final List<String> failures = new ArrayList<>();
  private final AtomicInteger checks = new AtomicInteger();

  @Test
  void noOperationAnswersHostileInputWithA5xxOrWithoutAProblem() throws Exception {
    String tenant = Platform.uniqueSlug("hostile");
    Platform.createActiveTenant(tenant);
    String tenantToken = Platform.token(tenant, Platform.adminOf(tenant), Platform.DEV_PASSWORD);
    Platform.Vendor vendor = Platform.newVendor("hostile");
    String vendorToken =
        Platform.token(Platform.PLATFORM_REALM, vendor.email(), Platform.DEV_PASSWORD);
    JsonNode document =
        JSON.readTree(
            HTTP.send(
                    HttpRequest.newBuilder(URI.create(Platform.BASE_URL + "/openapi?format=JSON"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body());

    int operations = 0;
    for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      boolean vendorPath =
          path.getKey().equals("/api/v1/vendor") || path.getKey().startsWith("/api/v1/vendor/");
      for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
          methods.hasNext(); ) {
        Map.Entry<String, JsonNode> method = methods.next();
        if (!List.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
          continue;
        }
        operations++;
        // Platform-level operations take a platform administrator's token, a vendor's own a
        // vendor's, the rest a tenant's, so that each operation reads its input instead of
        // refusing the caller; tokens are fetched again, as the pass outlives their five minutes.
        String token;
        if (path.getKey().startsWith("/api/v1/tenants")
            || path.getKey().startsWith("/api/v1/admin")) {
          token = Platform.superAdminToken();
        } else if (vendorPath) {
          token = vendorToken;
        } else {
          token = tenantToken;
        }
        attack(document, path.getKey(), method.getKey().toUpperCase(), method.getValue(), token);
      }
      tenantToken = Platform.token(tenant, Platform.adminOf(tenant), Platform.DEV_PASSWORD);
      if (vendorPath) {
        vendorToken =
            Platform.token(Platform.PLATFORM_REALM, vendor.email(), Platform.DEV_PASSWORD);
      }
    }

    System.out.printf(
        "Hostile input: %d operations, %d checks (operation x place x hostile value)%n",
        operations, checks.get());
    assertThat(operations).as("operations in /openapi").isGreaterThan(50);
    assertThat(failures).as("answers that were a 5xx or not a problem").isEmpty();
  }

  private void attack(
      JsonNode document, String path, String method, JsonNode operation, String token)
      throws Exception {
    List<String> pathParameters = new ArrayList<>();
    Matcher names = PARAMETER.matcher(path);
    while (names.find()) {
      pathParameters.add(names.group(1));
    }
    List<String> queryParameters = new ArrayList<>();
    for (JsonNode parameter : operation.path("parameters")) {
      if ("query".equals(parameter.path("in").asText())) {
        queryParameters.add(parameter.path("name").asText());
      }
    }
    String ordinaryPath = fill(path, UUID.randomUUID().toString());
    boolean takesBody = List.of("POST", "PUT", "PATCH").contains(method);
    String contentType = bodyType(operation);
    String ordinaryBody = takesBody ? "{}" : null;

    if (!pathParameters.isEmpty()) {
      for (String value : VALUES) {
        send(method, fill(path, encode(value)), "", token, contentType, ordinaryBody);
      }
    }
    for (String parameter : queryParameters) {
      for (String value : VALUES) {
        send(
            method,
            ordinaryPath,
            "?" + parameter + "=" + encode(value),
            token,
            contentType,
            ordinaryBody);
      }
    }
    if (!takesBody) {
      return;
    }
    for (String body : BODIES) {
      send(method, ordinaryPath, "", token, contentType, body);
    }
    send(method, ordinaryPath, "", token, "text/plain", "not json");
    for (String property : properties(document, operation)) {
      for (String wrong : WRONG_PROPERTY_VALUES) {
        send(
            method,
            ordinaryPath,
            "",
            token,
            contentType,
            "{" + JSON.writeValueAsString(property) + ":" + wrong + "}");
      }
    }
  }

  private void send(
      String method, String path, String query, String token, String contentType, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(Platform.BASE_URL + path + query))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token);
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", contentType)
          .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }
    HttpResponse<String> response;
    try {
      response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      failures.add(method + " " + path + query + " -> connection failed: " + e.getMessage());
      return;
    }
    checks.incrementAndGet();
    int status = response.statusCode();
    String type = response.headers().firstValue("Content-Type").orElse("");
    String where = method + " " + abbreviate(path + query) + " body " + abbreviate(body);
    if (status >= 500) {
      failures.add(where + " -> " + status + " " + abbreviate(response.body()));
    } else if (status >= 400
        && !type.startsWith("application/problem+json")
        && !refusedByTheWebContainer(status, response.body())) {
      failures.add(where + " -> " + status + " " + type + " (not a problem document)");
    }
  }

  /**
   * Liberty's web container refuses a URI with an encoded NUL or a dot-segment before any
   * application sees it (CWWWC0005I, 400 in HTML): the platform cannot word that answer.
   */
  private static boolean refusedByTheWebContainer(int status, String body) {
    return status == 400 && body.contains("CWWWC0005I");
  }

  /** The properties of the operation's JSON body schema, when it documents them. */
  private static List<String> properties(JsonNode document, JsonNode operation) {
    JsonNode content = operation.path("requestBody").path("content");
    List<String> names = new ArrayList<>();
    for (Iterator<JsonNode> types = content.elements(); types.hasNext(); ) {
      JsonNode schema = resolve(document, types.next().path("schema"));
      schema.path("properties").fieldNames().forEachRemaining(names::add);
      if (!names.isEmpty()) {
        break;
      }
    }
    return names;
  }

  private static JsonNode resolve(JsonNode document, JsonNode schema) {
    String ref = schema.path("$ref").asText("");
    if (ref.startsWith("#/components/schemas/")) {
      return document
          .path("components")
          .path("schemas")
          .path(ref.substring("#/components/schemas/".length()));
    }
    return schema;
  }

  /** The JSON media type the operation documents for its body (merge patch for some PATCHes). */
  private static String bodyType(JsonNode operation) {
    for (Iterator<String> types = operation.path("requestBody").path("content").fieldNames();
        types.hasNext(); ) {
      String type = types.next();
      if (type.contains("json")) {
        return type;
      }
    }
    return "application/json";
  }

  private static String fill(String path, String value) {
    return PARAMETER.matcher(path).replaceAll(Matcher.quoteReplacement(value));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String abbreviate(String text) {
    if (text == null) {
      return "-";
    }
    String oneLine = text.replace('\n', ' ');
    return oneLine.length() > 120 ? oneLine.substring(0, 120) + "..." : oneLine;
  }
}
