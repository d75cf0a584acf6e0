package io.plexica.incontainer;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * HTTP calls from a test inside the server to the same server and to its Keycloak, as a client
 * outside would make them: through the configuration the server itself runs with (its port, the
 * Keycloak it trusts, the launcher's dev passwords), so no address is written twice.
 */
final class OwnServer {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final Config config = ConfigProvider.getConfig();

  /** The answer to a call: status and body as text. */
  record Answer(int status, String body) {
    JsonObject json() {
      try (JsonReader reader = Json.createReader(new StringReader(body))) {
        return reader.readObject();
      }
    }
  }

  Answer api(
      String method, String path, String token, String jsonBody, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(apiBase() + path))
            .timeout(TIMEOUT)
            .method(
                method,
                jsonBody == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(jsonBody));
    if (jsonBody != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(request::header);
    return send(request.build());
  }

  /** A platform administrator's token, by the dev-only password grant. */
  String platformAdminToken() {
    return passwordToken(
        "plexica-platform",
        config
            .getOptionalValue("plexica.identity.platform-admin-user", String.class)
            .orElse("admin"),
        config.getValue("plexica.identity.platform-admin-password", String.class));
  }

  /** The token of a tenant's first administrator, who has the dev password in a test platform. */
  String tenantAdminToken(String slug) {
    return passwordToken(
        slug,
        "admin@" + slug + ".example",
        config.getValue("plexica.identity.dev-password", String.class));
  }

  String clientCredentialsToken(String tokenEndpoint, String clientId, String secret) {
    return token(
        URI.create(tokenEndpoint),
        Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
  }

  private String passwordToken(String realm, String username, String password) {
    URI endpoint =
        URI.create(
            config.getValue("plexica.keycloak.url", String.class)
                + "/realms/"
                + realm
                + "/protocol/openid-connect/token");
    return token(
        endpoint,
        Map.of(
            "grant_type",
            "password",
            "client_id",
            "plexica-cli",
            "username",
            username,
            "password",
            password));
  }

  private String token(URI endpoint, Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    Answer answer =
        send(
            HttpRequest.newBuilder(endpoint)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    if (answer.status() != 200) {
      throw new AssertionError("No token from " + endpoint + ": " + answer);
    }
    return answer.json().getString("access_token");
  }

  private String apiBase() {
    return "http://127.0.0.1:"
        + config.getOptionalValue("plexica.http.port", String.class).orElse("9380")
        + "/api/v1";
  }

  private Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("Calling " + request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted calling " + request.uri(), e);
    }
  }
}
