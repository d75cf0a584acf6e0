package io.plexica.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
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
}
