package io.plexica.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/** Health, metrics and the API description that operators and integrators rely on. */
class PlatformEndpointsIT {

  /** Load balancers read status publicly; the details are for platform administrators only. */
  @Test
  void liveAndReadyPublicWithDetailsForOperators() {
    given().baseUri(Platform.BASE_URL).get("/health/live").then().statusCode(200);
    Response ready = given().baseUri(Platform.BASE_URL).get("/health/ready");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.<String>path("status")).isEqualTo("UP");
    assertThat(ready.<String>path("checks.find { it.name == 'storage' }.status")).isEqualTo("UP");
    assertThat(ready.<List<Object>>path("checks.data"))
        .as("no check shows its details publicly")
        .allMatch(data -> data == null || ((Map<?, ?>) data).isEmpty());

    Response details = Platform.api().get("/admin/health");
    assertThat(details.statusCode()).isEqualTo(200);
    assertThat(details.<String>path("status")).isEqualTo("UP");
    assertThat(details.<Boolean>path("checks.find { it.name == 'database' }.data.reachable"))
        .isTrue();
    assertThat(details.<Boolean>path("checks.find { it.name == 'database' }.data.coreMigrated"))
        .isTrue();
    assertThat(details.<Map<String, Object>>path("checks.find { it.name == 'events' }.data"))
        .containsKeys("relayLeader", "outboxBacklog", "restingHandlers");
    Platform.assertProblem(
        Platform.anonymous().get("/admin/health"), 401, "authentication-required");
  }

  /**
   * Metrics are for operators: HTTPS and their credentials; plain HTTP and anonymous are refused.
   */
  @Test
  void metricsArePrometheusTextForOperatorsOnly() {
    Response metrics = Platform.metrics(true);
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.contentType()).startsWith("text/plain");
    assertThat(metrics.asString()).contains("# TYPE ").contains("jvm_");

    assertThat(Platform.metrics(false).statusCode()).as("anonymous").isEqualTo(401);
    Response plain = given().baseUri(Platform.BASE_URL).redirects().follow(false).get("/metrics");
    assertThat(plain.asString()).as("plain HTTP shows no figures").doesNotContain("jvm_");
    assertThat(plain.statusCode()).isNotEqualTo(200);
  }

  @Test
  void openApiDocumentsTheTenantApiWithExamples() {
    Response openapi =
        given().baseUri(Platform.BASE_URL).accept("application/json").get("/openapi");
    assertThat(openapi.statusCode()).isEqualTo(200);
    String document = openapi.asString();
    assertThat(document)
        .contains("/api/v1/tenants", "/api/v1/tenants/{id}/provisioning", "/api/v1/workspaces")
        .contains(
            "/api/v1/workspaces/{id}/members/{userId}",
            "/api/v1/workspaces/{id}/teams/{teamId}/members",
            "/api/v1/workspaces/{id}/resources",
            "/api/v1/workspaces/{id}/invitations/{invitationId}/revoke",
            "/api/v1/workspace-invitations/accept",
            "/api/v1/workspaces/{id}/files/{fileId}/content",
            "/api/v1/audit")
        .contains("\"examples\"")
        .contains("Acme Corporation");
    given().baseUri(Platform.BASE_URL).get("/openapi/ui/").then().statusCode(200);
  }

  /** Generated clients name their methods after operationIds; without them the names are paths. */
  @Test
  void everyOperationHasAnOperationIdThatReadsAsAMethodName() {
    List<String> missing = new ArrayList<>();
    Map<String, String> operationIds = new HashMap<>();
    List<String> duplicates = new ArrayList<>();
    forEachOperation(
        openApi(),
        (where, operation) -> {
          Object id = operation.get("operationId");
          if (!(id instanceof String name) || !name.matches("[a-z][a-zA-Z]+")) {
            missing.add(where + " -> " + id);
          } else if (operationIds.putIfAbsent(name, where) != null) {
            duplicates.add(name + ": " + operationIds.get(name) + ", " + where);
          }
        });
    assertThat(missing).as("operations without a camelCase operationId").isEmpty();
    assertThat(duplicates).as("operationIds used twice").isEmpty();
    assertThat(operationIds)
        .containsEntry("createTenant", "POST /api/v1/tenants")
        .containsEntry("listWorkspaceFiles", "GET /api/v1/workspaces/{id}/files");
  }

  /** What runs before every resource (token, permission, rate limit) is documented on each. */
  @Test
  void everyErrorIsAProblemAndEverySecuredOperationDeclaresTokenPermissionAndRateLimit() {
    JsonPath document = openApi();
    assertThat(document.getList("components.schemas.Problem.required", String.class))
        .containsExactlyInAnyOrder("type", "title", "status");
    assertThat(document.getString("components.responses.TooManyRequests.headers.Retry-After"))
        .isNotNull();
    List<String> wrong = new ArrayList<>();
    forEachOperation(
        document,
        (where, operation) -> {
          Map<?, ?> responses = (Map<?, ?>) operation.get("responses");
          boolean secured = !List.of().equals(operation.get("security"));
          for (String status : secured ? List.of("401", "403", "429") : List.of("429")) {
            if (!responses.containsKey(status)) {
              wrong.add(where + " does not declare " + status);
            }
          }
          responses.forEach(
              (status, response) -> {
                String text = String.valueOf(response);
                if (String.valueOf(status).matches("[45]..")
                    && !text.contains("#/components/schemas/Problem")
                    && !text.contains("#/components/responses/")) {
                  wrong.add(where + " " + status + " is not a Problem: " + text);
                }
              });
        });
    assertThat(wrong).isEmpty();
  }

  private static JsonPath openApi() {
    return given().baseUri(Platform.BASE_URL).accept("application/json").get("/openapi").jsonPath();
  }

  /**
   * What a generator needs beyond the operations: a relative server, where tokens come from, the
   * public operations marked so, and the address of what a create made.
   */
  @Test
  void theDocumentSaysWhereItHoldsWhereTokensComeFromAndWhatIsPublic() {
    JsonPath document = openApi();
    assertThat(document.getString("openapi")).startsWith("3.1");
    assertThat(document.getList("servers.url", String.class)).containsExactly("/");
    assertThat(document.getString("components.securitySchemes.oidc.openIdConnectUrl"))
        .endsWith("/realms/plexica-platform/.well-known/openid-configuration");
    assertThat(at(document, "/api/v1/web-config", "get", "security")).isEqualTo(List.of());
    assertThat(at(document, "/api/v1/tenants", "get", "security")).isNull();
    assertThat(keysAt(document, "/api/v1/workspaces", "post", "responses", "201", "headers"))
        .contains("Location");
    assertThat(document.getList("components.schemas.Tenant.required", String.class))
        .contains("id", "slug", "status", "createdAt")
        .doesNotContain("purgedAt");
    List<?> parameters = (List<?>) at(document, "/api/v1/tenants", "get", "parameters");
    assertThat(parameters)
        .anySatisfy(
            parameter -> assertThat(parameter.toString()).contains("name=size", "type=integer"));
    assertThat(keysAt(document, "/api/v1/workspaces/{id}/files", "post", "requestBody", "content"))
        .contains("application/pdf", "image/png", "text/plain")
        .doesNotContain("*/*");
    assertThat(document.getList("tags.description", String.class)).doesNotContainNull();
    // Generated methods take path parameters in the path's order: (id, fileId).
    assertThat(
            ((List<?>) at(document, "/api/v1/workspaces/{id}/files/{fileId}", "get", "parameters"))
                .stream().map(parameter -> String.valueOf(((Map<?, ?>) parameter).get("name"))))
        .containsExactly("id", "fileId");
  }

  private static List<String> keysAt(
      JsonPath document, String path, String method, String... keys) {
    return ((Map<?, ?>) at(document, path, method, keys))
        .keySet().stream().map(String::valueOf).toList();
  }

  /** The value at path / method / keys..., or null where something on the way is absent. */
  private static Object at(JsonPath document, String path, String method, String... keys) {
    Object current = ((Map<?, ?>) document.getMap("paths").get(path)).get(method);
    for (String key : keys) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = map.get(key);
    }
    return current;
  }

  /** Calls {@code check} with "METHOD /path" and the operation, for every operation. */
  private static void forEachOperation(
      JsonPath document, BiConsumer<String, Map<String, Object>> check) {
    Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
    paths.forEach(
        (path, operations) ->
            operations.forEach(
                (method, operation) -> {
                  if (List.of("get", "post", "put", "patch", "delete").contains(method)) {
                    check.accept(method.toUpperCase(Locale.ROOT) + " " + path, operation);
                  }
                }));
  }
}
