package io.plexica.it.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The judge itself, on a small document: what it lets pass and what it catches. */
class OpenApiContractTest {
  private static final String DOCUMENT =
      """
      {"openapi": "3.1.0",
       "paths": {
         "/api/v1/things": {
           "get": {
             "parameters": [{"name": "page", "in": "query", "schema": {"type": "integer", "format": "int32"}}],
             "responses": {"200": {"description": "OK", "content": {"application/json":
               {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Thing"}}}}}}},
           "post": {
             "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
             "responses": {"201": {"description": "Created", "headers": {"Location": {"schema": {"type": "string"}}},
               "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
               "400": {"$ref": "#/components/responses/BadRequest"}}}},
         "/api/v1/things/{id}": {
           "get": {"responses": {"200": {"description": "OK", "content": {"application/json":
             {"schema": {"$ref": "#/components/schemas/Thing"}}}}}}},
         "/api/v1/secret": {
           "get": {"security": [{"bearer": []}], "responses": {"200": {"description": "OK"}}}},
         "/api/v1/secret/anonymous": {
           "get": {"security": [{"bearer": []}], "responses": {"200": {"description": "OK"}}}},
         "/api/v1/open": {
           "get": {"security": [], "responses": {"200": {"description": "OK"}}}},
         "/api/v1/things/current": {
           "get": {"responses": {"204": {"description": "None"}}}}},
       "components": {
         "schemas": {
           "Thing": {"type": "object", "required": ["id"], "properties": {
             "id": {"type": "string", "format": "uuid"},
             "size": {"type": "integer", "format": "int64"},
             "settings": {"type": "object"}}},
           "Problem": {"type": "object", "properties": {"type": {"type": "string"}, "status": {"type": "integer"}}}},
         "responses": {"BadRequest": {"description": "Bad", "content": {"application/problem+json":
           {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}}
      """;
  private static final String PUBLIC_PATH = "/api/v1/open";
  private static final String ID = "5f0c3f0e-6a43-4c0b-9f3e-2d1b1d3f8a11";

  private final OpenApiContract contract = new OpenApiContract(DOCUMENT);

  @Test
  void aDocumentedExchangePasses() {
    assertThat(
            contract.violations(
                get(
                    "/api/v1/things/" + ID,
                    200,
                    "{\"id\":\"" + ID + "\",\"size\":3,\"settings\":{\"a\":1}}")))
        .isEmpty();
    assertThat(contract.violations(get("/api/v1/things/current", 204, ""))).isEmpty();
  }

  @Test
  void aFieldTheDocumentDoesNotNameFails() {
    assertThat(
            contract.violations(
                get("/api/v1/things/" + ID, 200, "{\"id\":\"" + ID + "\",\"colour\":\"red\"}")))
        .singleElement()
        .asString()
        .contains("colour");
  }

  @Test
  void aValueOfTheWrongTypeOrFormatFails() {
    assertThat(contract.violations(get("/api/v1/things/" + ID, 200, "{\"id\":\"not-a-uuid\"}")))
        .singleElement()
        .asString()
        .contains("uuid");
    assertThat(
            contract.violations(
                get("/api/v1/things/" + ID, 200, "{\"id\":\"" + ID + "\",\"size\":\"3\"}")))
        .isNotEmpty();
  }

  @Test
  void anUndocumentedStatusMediaTypeOrHeaderFails() {
    assertThat(contract.violations(get("/api/v1/things/" + ID, 409, "{}")))
        .containsExactly("status 409 is not documented");
    assertThat(
            contract.violations(
                exchange(
                    "GET",
                    "/api/v1/things/" + ID,
                    Map.of(),
                    null,
                    null,
                    200,
                    "text/plain",
                    Map.of(),
                    "x")))
        .singleElement()
        .asString()
        .contains("sends text/plain");
    assertThat(
            contract.violations(
                exchange(
                    "GET",
                    "/api/v1/things/current",
                    Map.of(),
                    null,
                    null,
                    204,
                    null,
                    Map.of("location", "/x"),
                    "")))
        .containsExactly("status 204 sends Location but does not document it");
  }

  @Test
  void sharedResponsesAndRequestBodiesAreJudgedToo() {
    String thing = "{\"id\":\"" + ID + "\"}";
    assertThat(
            contract.violations(
                exchange(
                    "POST",
                    "/api/v1/things",
                    Map.of(),
                    "application/json",
                    thing,
                    201,
                    "application/json",
                    Map.of("location", "/api/v1/things/" + ID),
                    thing)))
        .isEmpty();
    assertThat(
            contract.violations(
                exchange(
                    "POST",
                    "/api/v1/things",
                    Map.of(),
                    "application/json",
                    "{\"id\":\"" + ID + "\",\"extra\":1}",
                    201,
                    "application/json",
                    Map.of(),
                    thing)))
        .singleElement()
        .asString()
        .startsWith("request body");
    assertThat(
            contract.violations(
                exchange(
                    "POST",
                    "/api/v1/things",
                    Map.of(),
                    "application/json",
                    "{}",
                    400,
                    "application/problem+json",
                    Map.of(),
                    "{\"type\":\"x\",\"status\":\"400\"}")))
        .singleElement()
        .asString()
        .contains("status 400 body");
  }

  @Test
  void queryParametersAreDeclaredAndTyped() {
    assertThat(
            contract.violations(
                exchange(
                    "GET",
                    "/api/v1/things",
                    Map.of("page", List.of("2")),
                    null,
                    null,
                    200,
                    "application/json",
                    Map.of(),
                    "[]")))
        .isEmpty();
    assertThat(
            contract.violations(
                exchange(
                    "GET",
                    "/api/v1/things",
                    Map.of("page", List.of("two")),
                    null,
                    null,
                    200,
                    "application/json",
                    Map.of(),
                    "[]")))
        .singleElement()
        .asString()
        .contains("page");
    assertThat(
            contract.violations(
                exchange(
                    "GET",
                    "/api/v1/things",
                    Map.of("sort", List.of("name")),
                    null,
                    null,
                    200,
                    "application/json",
                    Map.of(),
                    "[]")))
        .containsExactly("query parameter 'sort' is not documented");
  }

  @Test
  void anUndocumentedPathOrMethodFails() {
    assertThat(contract.violations(get("/api/v1/others", 200, "{}")))
        .containsExactly("no path of the document matches /api/v1/others");
    assertThat(
            contract.violations(
                exchange(
                    "DELETE", "/api/v1/things", Map.of(), null, null, 204, null, Map.of(), "")))
        .containsExactly("DELETE is not documented on /api/v1/things");
  }

  @Test
  void anOperationThatAnswersWithoutATokenMustBeMarkedPublic() {
    assertThat(contract.violations(get(PUBLIC_PATH, 200, ""))).isEmpty();
    assertThat(contract.violations(get("/api/v1/secret", 200, ""))).isEmpty();
    assertThat(contract.violations(get("/api/v1/secret/anonymous", 200, "")))
        .containsExactly(
            "answered without a token, but the document does not mark the operation public");
  }

  private static Exchange get(String path, int status, String body) {
    return exchange("GET", path, Map.of(), null, null, status, "application/json", Map.of(), body);
  }

  private static Exchange exchange(
      String method,
      String path,
      Map<String, List<String>> query,
      String requestType,
      String requestBody,
      int status,
      String responseType,
      Map<String, String> headers,
      String responseBody) {
    return new Exchange(
        method,
        path,
        query,
        !path.equals(PUBLIC_PATH) && !path.equals("/api/v1/secret/anonymous"),
        requestType,
        requestBody,
        status,
        responseType,
        headers,
        responseBody);
  }
}
