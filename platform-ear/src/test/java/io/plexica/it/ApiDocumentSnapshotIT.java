package io.plexica.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/api/openapi.json, from which clients/java is generated and which integrators read, is the
 * document the platform serves. A change to the API changes what is served; this test then fails
 * and writes the new document to target/contract/openapi.json, to be copied over the old one in the
 * same commit as the change.
 */
class ApiDocumentSnapshotIT {
  /** Where the platform realm's discovery lies depends on the deployment; the copy says so. */
  static final String DISCOVERY_PLACEHOLDER =
      "https://keycloak.example/realms/plexica-platform/.well-known/openid-configuration";

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theCommittedDocumentIsTheServedOne() throws Exception {
    String served =
        given().baseUri(Platform.BASE_URL).accept("application/json").get("/openapi").asString();
    JsonNode document = JSON.readTree(served);
    ((ObjectNode) document.path("components").path("securitySchemes").path("oidc"))
        .put("openIdConnectUrl", DISCOVERY_PLACEHOLDER);
    Path committed =
        Path.of(System.getProperty("plexica.api.snapshot", "../docs/api/openapi.json"));
    Path fresh = Path.of("target", "contract", "openapi.json");
    Files.createDirectories(fresh.getParent());
    Files.writeString(
        fresh, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document) + "\n");
    assertThat(JSON.readTree(Files.readString(committed)))
        .as(
            "%s is not the document the platform serves; if the API change is meant, copy %s over"
                + " it (the Java client is generated from it)",
            committed, fresh.toAbsolutePath())
        .isEqualTo(document);
  }
}
