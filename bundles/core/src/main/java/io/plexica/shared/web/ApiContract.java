package io.plexica.shared.web;

import io.plexica.shared.problem.ProblemDocument;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * What every operation of the API shares, written into the document once instead of by hand on each
 * resource method: the {@code Problem} schema of every error, and the error responses any operation
 * can return because of what runs before its resource (token, permission, rate limit). Registered
 * as {@code mp.openapi.filter}.
 */
public class ApiContract implements OASFilter {
  static final String PROBLEM = "Problem";
  static final String FIELD_ERROR = "FieldError";

  /** Shared responses, by status; each operation refers to those that apply to it. */
  static final Map<String, String> SHARED =
      Map.of(
          "400", "BadRequest",
          "401", "Unauthorized",
          "403", "Forbidden",
          "404", "NotFound",
          "429", "TooManyRequests");

  @Override
  public void filterOpenAPI(OpenAPI api) {
    Components components = api.getComponents();
    if (components == null) {
      components = OASFactory.createComponents();
      api.setComponents(components);
    }
    components.addSchema(FIELD_ERROR, fieldErrorSchema());
    components.addSchema(PROBLEM, problemSchema());
    components.addResponse(
        SHARED.get("400"), problem("The request is malformed or a value is invalid"));
    components.addResponse(
        SHARED.get("401"),
        problem("No valid bearer token").addHeader("WWW-Authenticate", header()));
    components.addResponse(
        SHARED.get("403"),
        problem("The caller may not do this (role, permission or tenant status)"));
    components.addResponse(
        SHARED.get("404"), problem("Nothing with this id is visible to the caller"));
    components.addResponse(
        SHARED.get("429"),
        problem("Over a rate limit; try again after Retry-After seconds")
            .addHeader(
                "Retry-After",
                OASFactory.createHeader()
                    .description("Seconds to wait before trying again")
                    .schema(OASFactory.createSchema().type(Schema.SchemaType.INTEGER))));
    if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
      return;
    }
    boolean securedByDefault = api.getSecurity() != null && !api.getSecurity().isEmpty();
    api.getPaths()
        .getPathItems()
        .forEach(
            (path, item) ->
                operations(item)
                    .forEach(operation -> describeErrors(path, operation, securedByDefault)));
  }

  private static List<Operation> operations(PathItem item) {
    return item.getOperations() == null ? List.of() : List.copyOf(item.getOperations().values());
  }

  private static void describeErrors(String path, Operation operation, boolean securedByDefault) {
    APIResponses responses = operation.getResponses();
    if (responses == null) {
      responses = OASFactory.createAPIResponses();
      operation.setResponses(responses);
    }
    // Every declared error answers with a problem document.
    responses
        .getAPIResponses()
        .forEach(
            (status, response) -> {
              if ((status.startsWith("4") || status.startsWith("5")) && response.getRef() == null) {
                response.setContent(problemContent());
              }
            });
    boolean secured =
        operation.getSecurity() == null ? securedByDefault : !operation.getSecurity().isEmpty();
    addShared(responses, "400");
    if (secured) {
      addShared(responses, "401");
      addShared(responses, "403");
    }
    if (path.contains("{")) {
      addShared(responses, "404");
    }
    addShared(responses, "429");
  }

  /** The shared response for a status, unless the operation says more about it itself. */
  private static void addShared(APIResponses responses, String status) {
    if (!responses.hasAPIResponse(status)) {
      responses.addAPIResponse(
          status,
          OASFactory.createAPIResponse().ref("#/components/responses/" + SHARED.get(status)));
    }
  }

  private static APIResponse problem(String description) {
    return OASFactory.createAPIResponse().description(description).content(problemContent());
  }

  private static Content problemContent() {
    return OASFactory.createContent()
        .addMediaType(
            ProblemDocument.MEDIA_TYPE,
            OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/" + PROBLEM)));
  }

  private static Header header() {
    return OASFactory.createHeader()
        .description("Bearer realm=\"plexica\" (RFC 6750)")
        .schema(OASFactory.createSchema().type(Schema.SchemaType.STRING));
  }

  private static Schema fieldErrorSchema() {
    return OASFactory.createSchema()
        .type(Schema.SchemaType.OBJECT)
        .description("One invalid input field and why")
        .addProperty("field", string("Dotted path of the field, e.g. settings.locale"))
        .addProperty("message", string("What is wrong, for a person"))
        .required(List.of("field", "message"));
  }

  private static Schema problemSchema() {
    return OASFactory.createSchema()
        .type(Schema.SchemaType.OBJECT)
        .description(
            "An RFC 9457 problem document. `type` is stable: clients branch on it, never on"
                + " `title` or `detail`.")
        .addProperty(
            "type",
            string("Stable URI of the kind of problem, e.g. https://plexica.io/problems/not-found")
                .format("uri"))
        .addProperty("title", string("Short summary of the kind of problem"))
        .addProperty(
            "status",
            OASFactory.createSchema()
                .type(Schema.SchemaType.INTEGER)
                .format("int32")
                .description("The HTTP status"))
        .addProperty("detail", string("What went wrong this time, for a person"))
        .addProperty("instance", string("The request path the problem is about"))
        .addProperty(
            "errorId",
            string("On server errors only: the key to the full report in the server log"))
        .addProperty(
            "errors",
            OASFactory.createSchema()
                .type(Schema.SchemaType.ARRAY)
                .description("The invalid fields, when the input was refused")
                .items(OASFactory.createSchema().ref("#/components/schemas/" + FIELD_ERROR)))
        .required(List.of("type", "title", "status"));
  }

  private static Schema string(String description) {
    return OASFactory.createSchema().type(Schema.SchemaType.STRING).description(description);
  }
}
