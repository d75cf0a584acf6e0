package io.plexica.it.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The served OpenAPI document as a judge of HTTP exchanges: an exchange passes only if its
 * operation, status, media type, headers and bodies are all what the document says. The document is
 * read strictly: an object schema that lists its properties is taken to list all of them, so a
 * field the server sends and the document does not name fails (clients may be lenient; the document
 * may not be incomplete).
 */
public final class OpenApiContract {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DOCUMENT_URI = "https://plexica.invalid/openapi.json";
  private static final List<String> METHODS = List.of("get", "put", "post", "patch", "delete");

  private final JsonNode document;
  private final List<PathTemplate> paths = new ArrayList<>();
  private final JsonSchemaFactory schemas;
  private final SchemaValidatorsConfig config =
      SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
  private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

  public OpenApiContract(String openApiJson) {
    try {
      this.document = JSON.readTree(openApiJson);
    } catch (Exception e) {
      throw new IllegalArgumentException("The OpenAPI document is not JSON", e);
    }
    closeObjects(document.path("components").path("schemas"));
    closeObjects(document.path("paths"));
    String strict = document.toString();
    this.schemas =
        JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            builder ->
                builder.schemaLoaders(loaders -> loaders.schemas(Map.of(DOCUMENT_URI, strict))));
    document
        .path("paths")
        .fields()
        .forEachRemaining(entry -> paths.add(new PathTemplate(entry.getKey(), entry.getValue())));
    paths.sort(
        Comparator.comparingInt(PathTemplate::variables).thenComparing(t -> -t.literalLength));
  }

  /** What is wrong with this exchange by the document; empty when nothing is. */
  public List<String> violations(Exchange exchange) {
    List<String> problems = new ArrayList<>();
    String method = exchange.method().toLowerCase(Locale.ROOT);
    PathTemplate template = match(exchange.path());
    if (template == null) {
      if (exchange.status() != 404) {
        problems.add("no path of the document matches " + exchange.path());
      }
      return problems;
    }
    JsonNode operation = template.item.get(method);
    if (operation == null && exchange.status() == 405) {
      return problems;
    }
    if (operation == null) {
      problems.add(exchange.method() + " is not documented on " + template.template);
      return problems;
    }
    String where = "/paths/" + pointer(template.template) + "/" + method;
    boolean accepted = exchange.status() < 400;
    if (accepted && !exchange.withToken() && !isPublic(operation)) {
      problems.add("answered without a token, but the document does not mark the operation public");
    }
    if (accepted) {
      checkQuery(exchange, template, operation, problems);
      checkRequestBody(exchange, operation, where, problems);
    }
    checkResponse(exchange, operation, where, problems);
    return problems;
  }

  /** Public: an empty security list, or one that allows no requirement ({@code {}}). */
  private boolean isPublic(JsonNode operation) {
    JsonNode security =
        operation.has("security") ? operation.get("security") : document.path("security");
    if (security.isMissingNode() || security.isEmpty()) {
      return true;
    }
    for (JsonNode requirement : security) {
      if (requirement.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private void checkQuery(
      Exchange exchange, PathTemplate template, JsonNode operation, List<String> problems) {
    Map<String, JsonNode> declared = new java.util.HashMap<>();
    for (JsonNode parameters :
        List.of(template.item.path("parameters"), operation.path("parameters"))) {
      for (JsonNode parameter : parameters) {
        JsonNode resolved = resolve(parameter);
        if ("query".equals(resolved.path("in").asText())) {
          declared.put(resolved.path("name").asText(), resolved);
        }
      }
    }
    exchange
        .query()
        .forEach(
            (name, values) -> {
              JsonNode parameter = declared.get(name);
              if (parameter == null && freeForm(declared.values())) {
                return;
              }
              if (parameter == null) {
                problems.add("query parameter '" + name + "' is not documented");
                return;
              }
              for (String value : values) {
                checkScalar(
                    "query parameter '" + name + "'", value, parameter.path("schema"), problems);
              }
            });
  }

  /** A query object of form style, exploded: any name is one of its properties. */
  private boolean freeForm(java.util.Collection<JsonNode> parameters) {
    for (JsonNode parameter : parameters) {
      JsonNode schema = resolve(parameter.path("schema"));
      if ("object".equals(schema.path("type").asText())
          && parameter.path("explode").asBoolean(true)) {
        return true;
      }
    }
    return false;
  }

  private void checkScalar(String what, String value, JsonNode schema, List<String> problems) {
    JsonNode resolved = resolve(schema);
    String type =
        resolved.path("type").isArray()
            ? resolved.path("type").path(0).asText()
            : resolved.path("type").asText();
    JsonNode instance;
    try {
      instance =
          switch (type) {
            case "integer", "number" -> JSON.readTree(value);
            case "boolean" -> JSON.getNodeFactory().booleanNode(Boolean.parseBoolean(value));
            default -> JSON.getNodeFactory().textNode(value);
          };
    } catch (Exception e) {
      problems.add(what + ": '" + value + "' is not a " + type);
      return;
    }
    for (ValidationMessage message : schemaOf(resolved).validate(instance)) {
      problems.add(what + ": " + message.getMessage());
    }
  }

  private void checkRequestBody(
      Exchange exchange, JsonNode operation, String where, List<String> problems) {
    if (exchange.requestBody() == null || exchange.requestBody().isEmpty()) {
      return;
    }
    JsonNode content = resolve(operation.path("requestBody")).path("content");
    if (content.isMissingNode()) {
      problems.add("a request body was sent and accepted, but the operation documents none");
      return;
    }
    String mediaType = mediaTypeOf(content, exchange.requestType());
    if (mediaType == null) {
      problems.add("request media type " + exchange.requestType() + " is not documented");
      return;
    }
    if (isJson(exchange.requestType())) {
      validateJson(
          "request body",
          exchange.requestBody(),
          where + "/requestBody/content/" + pointer(mediaType) + "/schema",
          content.path(mediaType).path("schema"),
          problems);
    }
  }

  private void checkResponse(
      Exchange exchange, JsonNode operation, String where, List<String> problems) {
    String status = Integer.toString(exchange.status());
    JsonNode responses = operation.path("responses");
    JsonNode response = responses.get(status);
    String key = status;
    if (response == null) {
      key = status.charAt(0) + "XX";
      response = responses.get(key);
    }
    if (response == null) {
      key = "default";
      response = responses.get(key);
    }
    if (response == null) {
      problems.add("status " + status + " is not documented");
      return;
    }
    String responseWhere = where + "/responses/" + key;
    if (response.has("$ref")) {
      responseWhere = response.get("$ref").asText().substring(1);
      response = resolve(response);
    }
    for (String header : List.of("Location", "Retry-After")) {
      if (exchange.responseHeaders().containsKey(header.toLowerCase(Locale.ROOT))
          && !hasHeader(response.path("headers"), header)) {
        problems.add("status " + status + " sends " + header + " but does not document it");
      }
    }
    String body = exchange.responseBody();
    if (body == null || body.isEmpty() || exchange.method().equalsIgnoreCase("HEAD")) {
      return;
    }
    JsonNode content = response.path("content");
    if (content.isMissingNode() || content.isEmpty()) {
      problems.add("status " + status + " sends a body but documents none");
      return;
    }
    String mediaType = mediaTypeOf(content, exchange.responseType());
    if (mediaType == null) {
      problems.add(
          "status "
              + status
              + " sends "
              + exchange.responseType()
              + ", documented: "
              + fieldNames(content));
      return;
    }
    if (isJson(exchange.responseType())) {
      validateJson(
          "status " + status + " body",
          body,
          responseWhere + "/content/" + pointer(mediaType) + "/schema",
          content.path(mediaType).path("schema"),
          problems);
    }
  }

  private void validateJson(
      String what, String text, String schemaPointer, JsonNode schemaNode, List<String> problems) {
    if (schemaNode.isMissingNode()) {
      return;
    }
    JsonNode instance;
    try {
      instance = JSON.readTree(text);
    } catch (Exception e) {
      problems.add(what + " is not JSON");
      return;
    }
    JsonSchema schema =
        compiled.computeIfAbsent(
            schemaPointer,
            pointer -> schemas.getSchema(SchemaLocation.of(DOCUMENT_URI + "#" + pointer), config));
    for (ValidationMessage message : schema.validate(instance)) {
      problems.add(what + ": " + message.getMessage());
    }
  }

  private JsonSchema schemaOf(JsonNode schemaNode) {
    return compiled.computeIfAbsent(
        schemaNode.toString(),
        key -> {
          ObjectNode root = schemaNode.deepCopy();
          root.set("components", document.path("components"));
          return schemas.getSchema(root, config);
        });
  }

  private static boolean hasHeader(JsonNode headers, String name) {
    for (Iterator<String> it = headers.fieldNames(); it.hasNext(); ) {
      if (it.next().equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  private JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    while (current.has("$ref") && current.get("$ref").asText().startsWith("#/")) {
      current = document.at(current.get("$ref").asText().substring(1));
    }
    return current;
  }

  private PathTemplate match(String path) {
    for (PathTemplate template : paths) {
      if (template.pattern.matcher(path).matches()) {
        return template;
      }
    }
    for (PathTemplate template : paths) {
      if (template.greedy.matcher(path).matches()) {
        return template;
      }
    }
    return null;
  }

  /** The documented media type that covers the actual one, or null. */
  private static String mediaTypeOf(JsonNode content, String actual) {
    String base = baseType(actual);
    if (content.has(base)) {
      return base;
    }
    String family = base.contains("/") ? base.substring(0, base.indexOf('/')) + "/*" : "";
    if (content.has(family)) {
      return family;
    }
    return content.has("*/*") ? "*/*" : null;
  }

  private static boolean isJson(String mediaType) {
    String base = baseType(mediaType);
    return base.equals("application/json") || base.endsWith("+json");
  }

  /** A media type without its parameters, lower case; "" for none. */
  private static String baseType(String mediaType) {
    return mediaType == null ? "" : mediaType.split(";")[0].trim().toLowerCase(Locale.ROOT);
  }

  private static String fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return String.join(", ", names);
  }

  private static String pointer(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  /**
   * Object schemas that list properties but say nothing of others are made to refuse others,
   * through {@code unevaluatedProperties} so that compositions (allOf) keep working.
   */
  private static void closeObjects(JsonNode node) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      if (object.has("properties")
          && object.path("properties").isObject()
          && !object.has("additionalProperties")
          && !object.has("unevaluatedProperties")) {
        object.put("unevaluatedProperties", false);
      }
      object.elements().forEachRemaining(OpenApiContract::closeObjects);
    } else if (node.isArray()) {
      node.elements().forEachRemaining(OpenApiContract::closeObjects);
    }
  }

  private static final class PathTemplate {
    private static final Pattern VARIABLE = Pattern.compile("\\{[^}]+}");
    final String template;
    final JsonNode item;
    final Pattern pattern;
    final Pattern greedy;
    final int literalLength;

    PathTemplate(String template, JsonNode item) {
      this.template = template;
      this.item = item;
      this.pattern = Pattern.compile(regex(template, false));
      this.greedy = Pattern.compile(regex(template, true));
      this.literalLength = VARIABLE.matcher(template).replaceAll("").length();
    }

    int variables() {
      return (int) VARIABLE.matcher(template).results().count();
    }

    /** Variables match one segment; greedy lets the last one take the rest of the path. */
    private static String regex(String template, boolean greedy) {
      Matcher matcher = VARIABLE.matcher(template);
      StringBuilder regex = new StringBuilder();
      int last = 0;
      int count = (int) VARIABLE.matcher(template).results().count();
      int index = 0;
      while (matcher.find()) {
        regex.append(Pattern.quote(template.substring(last, matcher.start())));
        index++;
        regex.append(greedy && index == count ? "(.+)" : "([^/]+)");
        last = matcher.end();
      }
      regex.append(Pattern.quote(template.substring(last)));
      return regex.toString();
    }
  }
}
