package io.plexica.it.contract;

import io.restassured.RestAssured;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Holds the integration tests to the platform's own {@code /openapi}: from the start of the test
 * session, every REST Assured exchange with the API is judged by {@link OpenApiContract}, and the
 * count of judged exchanges is printed and written to {@code target/contract/summary.txt} at the
 * end. Registered as a JUnit launcher session listener; only the API under {@code /api/} of the
 * platform under test is judged (Keycloak, health and metrics have their own contracts).
 */
public final class ContractCheck implements LauncherSessionListener {
  private static final AtomicLong JUDGED = new AtomicLong();

  /**
   * {@code -Dplexica.contract=report} writes violations to target/contract/violations.txt instead
   * of failing the test: for seeing all of them at once while bringing the document in line.
   */
  private static final boolean REPORT_ONLY =
      "report".equals(System.getProperty("plexica.contract"));

  private static volatile OpenApiContract contract;

  private final URI base =
      URI.create(System.getProperty("plexica.base.url", "http://127.0.0.1:9180"));

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (System.getProperty("plexica.base.url") != null) {
      RestAssured.filters(new ContractFilter(this));
    }
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    long judged = JUDGED.get();
    if (judged == 0) {
      return;
    }
    String line =
        "API contract: " + judged + " exchanges of the integration tests judged against /openapi";
    System.out.println(line);
    try {
      Path summary =
          Path.of("target", "contract", "summary-" + ProcessHandle.current().pid() + ".txt");
      Files.createDirectories(summary.getParent());
      Files.writeString(summary, judged + "\n");
    } catch (IOException e) {
      System.err.println("Could not write the contract summary: " + e.getMessage());
    }
  }

  boolean covers(URI uri) {
    return uri.getPort() == base.getPort()
        && uri.getHost().equals(base.getHost())
        && uri.getRawPath().startsWith("/api/");
  }

  void judge(Exchange exchange) {
    List<String> violations = contract(base).violations(exchange);
    JUDGED.incrementAndGet();
    if (!violations.isEmpty() && REPORT_ONLY) {
      report(exchange, violations);
    } else if (!violations.isEmpty()) {
      throw new AssertionError(
          "The exchange "
              + exchange
              + " breaks the API contract (/openapi):\n  - "
              + String.join("\n  - ", violations)
              + "\n  response body: "
              + abbreviate(exchange.responseBody()));
    }
  }

  private static synchronized void report(Exchange exchange, List<String> violations) {
    try {
      Path file = Path.of("target", "contract", "violations.txt");
      Files.createDirectories(file.getParent());
      Files.writeString(
          file,
          exchange + "\n  - " + String.join("\n  - ", violations) + "\n",
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The contract of the platform at this base URL, read once. */
  public static OpenApiContract contract(URI base) {
    OpenApiContract current = contract;
    if (current == null) {
      synchronized (ContractCheck.class) {
        if (contract == null) {
          contract = new OpenApiContract(fetch(base.resolve("/openapi")));
        }
        current = contract;
      }
    }
    return current;
  }

  static long judged() {
    return JUDGED.get();
  }

  private static String fetch(URI uri) {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(uri)
                      .header("Accept", "application/json")
                      .timeout(Duration.ofSeconds(30))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(uri + " answered " + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException("Could not read " + uri, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted reading " + uri, e);
    }
  }

  /** A body as text when it is text, a placeholder when binary, "" when there is none. */
  static String bodyText(String contentType, byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      return "";
    }
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (type.startsWith("text/")
        || type.contains("json")
        || type.contains("xml")
        || type.contains("javascript")) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    return "<" + bytes.length + " bytes>";
  }

  private static String abbreviate(String text) {
    return text == null || text.length() <= 600 ? text : text.substring(0, 600) + "...";
  }
}
