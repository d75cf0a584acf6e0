package io.plexica.maven;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The platform's plugin registry over HTTP, as a platform administrator's token may use it. */
final class PlatformClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final URI plugins;
  private final String token;

  /**
   * {@code base}: the platform's address, as its users open it ({@code https://plexica.example}).
   */
  PlatformClient(String base, String token) {
    String trimmed = base.strip().replaceAll("/+$", "");
    if (!trimmed.startsWith("http://") && !trimmed.startsWith("https://")) {
      throw new IllegalArgumentException("plexica.url is no http(s) address: " + base);
    }
    this.plugins = URI.create(trimmed + "/api/v1/admin/plugins");
    this.token = token;
  }

  /** The registry's answer to the bundle: its status and what the body says. */
  Answer deploy(byte[] bundle) throws IOException, InterruptedException {
    return send(request(plugins).POST(HttpRequest.BodyPublishers.ofByteArray(bundle)).build());
  }

  private HttpRequest.Builder request(URI target) {
    return HttpRequest.newBuilder(target)
        .timeout(Duration.ofMinutes(2))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/java-archive")
        .header("Accept", "application/json, application/problem+json");
  }

  private Answer send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    return Answer.of(response.statusCode(), response.body());
  }

  /**
   * Replaces the deployed version's bundle in place ({@code PUT .../versions/{version}}): a
   * development platform's answer to a new build of the same version.
   */
  Answer replace(String id, String version, byte[] bundle)
      throws IOException, InterruptedException {
    URI target =
        URI.create(
            plugins
                + "/"
                + URLEncoder.encode(id, StandardCharsets.UTF_8)
                + "/versions/"
                + URLEncoder.encode(version, StandardCharsets.UTF_8));
    return send(request(target).PUT(HttpRequest.BodyPublishers.ofByteArray(bundle)).build());
  }

  URI address() {
    return plugins;
  }

  /** An answer of the platform: problem type and detail when it refused. */
  record Answer(int status, String type, String detail) {
    static Answer of(int status, String body) {
      try {
        JsonNode json = JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        String type = json.path("type").asText("");
        return new Answer(
            status,
            type.substring(type.lastIndexOf('/') + 1),
            json.path("detail").asText(json.path("title").asText(body)));
      } catch (IOException e) {
        return new Answer(status, "", body);
      }
    }

    boolean deployed() {
      return status == 201 || status == 200;
    }

    @Override
    public String toString() {
      return status + (type.isEmpty() ? "" : " " + type) + ": " + detail;
    }
  }
}
