package io.plexica.shared.web;

import io.plexica.shared.problem.ProblemDocument;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * What every operation of the API shares, written into the document once instead of by hand on each
 * resource method: the {@code Problem} schema of every error, and the error responses any operation
 * can return because of what runs before its resource (token, permission, rate limit), the {@code
 * Location} of what a 201 or 202 made, where tokens come from (OpenID Connect discovery of the
 * platform realm), and the rule that a response's properties are always present unless marked
 * nullable. Registered as {@code mp.openapi.filter}.
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
          "413", "PayloadTooLarge",
          "415", "UnsupportedMediaType",
          "429", "TooManyRequests");

  static final String OIDC = "oidc";

  /** The realm of platform administrators (identity's {@code Realms.PLATFORM_REALM}). */
  static final String PLATFORM_REALM = "plexica-platform";

  private final Optional<String> keycloakUrl;

  /** As Liberty makes it: Keycloak's address for clients from the configuration. */
  public ApiContract() {
    this(keycloakUrl(ConfigProvider.getConfig()));
  }

  ApiContract(Optional<String> keycloakUrl) {
    this.keycloakUrl = keycloakUrl;
  }

  private static Optional<String> keycloakUrl(Config config) {
    return config
        .getOptionalValue("plexica.keycloak.public-url", String.class)
        .filter(url -> !url.isBlank())
        .or(() -> config.getOptionalValue("plexica.keycloak.url", String.class));
  }

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
        SHARED.get("413"), problem("The body is over the size this operation accepts"));
    components.addResponse(
        SHARED.get("415"), problem("The body's Content-Type is not one this operation accepts"));
    components.addResponse(
        SHARED.get("429"),
        problem("Over a rate limit; try again after Retry-After seconds")
            .addHeader(
                "Retry-After",
                OASFactory.createHeader()
                    .description("Seconds to wait before trying again")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))));
    // Relative: the document holds for whichever address it was read from.
    api.setServers(
        List.of(
            OASFactory.createServer()
                .url("/")
                .description("This Plexica: the address /openapi was read from")));
    describeTokens(components);
    if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
      return;
    }
    responsePropertiesArePresent(api, components);
    referencesStandAlone(components);
    boolean securedByDefault = api.getSecurity() != null && !api.getSecurity().isEmpty();
    api.getPaths()
        .getPathItems()
        .forEach(
            (path, item) -> {
              for (Operation operation : operations(item)) {
                describeErrors(path, operation, securedByDefault);
                parametersInPathOrder(path, operation);
              }
              patchAlsoTakesJson(item.getPATCH());
            });
  }

  /**
   * The bearer scheme says what a token is; the OpenID Connect scheme says where one comes from:
   * the platform realm's discovery document, and the tenants' realms beside it.
   */
  private void describeTokens(Components components) {
    SecurityScheme oidc =
        OASFactory.createSecurityScheme()
            .type(SecurityScheme.Type.OPENIDCONNECT)
            .description(
                "Tokens come from Keycloak. Platform administrators and plugin vendors sign in"
                    + " to the realm "
                    + PLATFORM_REALM
                    + " (this discovery document); a tenant's people and service accounts to the"
                    + " realm named by the tenant's slug, at the same address with the slug in"
                    + " place of "
                    + PLATFORM_REALM
                    + ". Send the access token as Authorization: Bearer <token>.");
    keycloakUrl.ifPresent(
        url ->
            oidc.openIdConnectUrl(
                url.replaceAll("/+$", "")
                    + "/realms/"
                    + PLATFORM_REALM
                    + "/.well-known/openid-configuration"));
    // Described, not required: operations require the bearer scheme only, because generators
    // that cannot obtain an OpenID Connect token (openapi-generator's Java clients among them)
    // refuse an operation that lists the scheme as an alternative.
    components.addSecurityScheme(OIDC, oidc);
  }

  /**
   * The API leaves out what is null, so a response's property is present unless its schema says it
   * may be null: each schema only responses use gets the {@code required} list that says so.
   * Schemas that requests use keep what their annotations say.
   */
  private static void responsePropertiesArePresent(OpenAPI api, Components components) {
    if (components.getSchemas() == null) {
      return;
    }
    Set<String> inRequests = new HashSet<>();
    Set<String> inResponses = new HashSet<>();
    api.getPaths()
        .getPathItems()
        .values()
        .forEach(
            item ->
                operations(item)
                    .forEach(
                        operation -> {
                          if (operation.getRequestBody() != null) {
                            reachable(
                                operation.getRequestBody().getContent(), components, inRequests);
                          }
                          if (operation.getResponses() != null) {
                            operation
                                .getResponses()
                                .getAPIResponses()
                                .values()
                                .forEach(
                                    response ->
                                        reachable(response.getContent(), components, inResponses));
                          }
                        }));
    inResponses.removeAll(inRequests);
    for (String name : inResponses) {
      Schema schema = components.getSchemas().get(name);
      if (schema.getProperties() == null || schema.getRequired() != null) {
        continue;
      }
      schema
          .getProperties()
          .forEach(
              (property, value) -> {
                if (!nullable(value)) {
                  schema.addRequired(property);
                }
              });
    }
  }

  /**
   * A property that refers to another schema says only that (and a description): the scanner also
   * writes the referred schema's type beside the {@code $ref}, which generators then clear with a
   * warning.
   */
  private static void referencesStandAlone(Components components) {
    if (components.getSchemas() == null) {
      return;
    }
    components
        .getSchemas()
        .values()
        .forEach(
            schema -> {
              if (schema.getProperties() != null) {
                schema.getProperties().values().stream()
                    .filter(property -> property.getRef() != null)
                    .forEach(property -> property.setType(null));
              }
            });
  }

  private static boolean nullable(Schema schema) {
    if (schema.getType() != null && schema.getType().contains(Schema.SchemaType.NULL)) {
      return true;
    }
    for (List<Schema> alternatives :
        List.of(nonNull(schema.getAnyOf()), nonNull(schema.getOneOf()))) {
      for (Schema alternative : alternatives) {
        if (alternative.getType() != null
            && alternative.getType().contains(Schema.SchemaType.NULL)) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<Schema> nonNull(List<Schema> schemas) {
    return schemas == null ? List.of() : schemas;
  }

  /** The names of the component schemas a content refers to, directly or through others. */
  private static void reachable(Content content, Components components, Set<String> names) {
    if (content == null || content.getMediaTypes() == null) {
      return;
    }
    Deque<Schema> pending = new ArrayDeque<>();
    content
        .getMediaTypes()
        .values()
        .forEach(
            media -> {
              if (media.getSchema() != null) {
                pending.add(media.getSchema());
              }
            });
    while (!pending.isEmpty()) {
      Schema schema = pending.poll();
      String ref = schema.getRef();
      if (ref != null && ref.startsWith("#/components/schemas/")) {
        String name = ref.substring("#/components/schemas/".length());
        Schema target = components.getSchemas().get(name);
        if (target != null && names.add(name)) {
          pending.add(target);
        }
        continue;
      }
      if (schema.getProperties() != null) {
        pending.addAll(schema.getProperties().values());
      }
      if (schema.getItems() != null) {
        pending.add(schema.getItems());
      }
      if (schema.getAdditionalPropertiesSchema() != null) {
        pending.add(schema.getAdditionalPropertiesSchema());
      }
      pending.addAll(nonNull(schema.getAllOf()));
      pending.addAll(nonNull(schema.getAnyOf()));
      pending.addAll(nonNull(schema.getOneOf()));
    }
  }

  private static List<Operation> operations(PathItem item) {
    return item.getOperations() == null ? List.of() : List.copyOf(item.getOperations().values());
  }

  /**
   * Path parameters in the order the path names them, then query, header and cookie ones: generated
   * methods take them in this order ({@code getWorkspaceFile(id, fileId)}, not the scanner's
   * alphabetical {@code (fileId, id)}).
   */
  private static void parametersInPathOrder(String path, Operation operation) {
    if (operation.getParameters() == null || operation.getParameters().size() < 2) {
      return;
    }
    List<Parameter> ordered = new ArrayList<>(operation.getParameters());
    ordered.sort(Comparator.comparingInt(parameter -> rank(path, parameter)));
    operation.setParameters(ordered);
  }

  private static int rank(String path, Parameter parameter) {
    Parameter.In in = parameter.getIn();
    if (in == Parameter.In.PATH) {
      return path.indexOf("{" + parameter.getName() + "}");
    }
    return in == null ? Integer.MAX_VALUE : path.length() + 1 + in.ordinal();
  }

  /**
   * Every PATCH takes its merge patch as {@code application/json} too (some clients cannot send
   * another type); the document says so once, here.
   */
  private static void patchAlsoTakesJson(Operation patch) {
    if (patch == null || patch.getRequestBody() == null) {
      return;
    }
    Content content = patch.getRequestBody().getContent();
    if (content == null || content.getMediaTypes() == null) {
      return;
    }
    var mergePatch = content.getMediaType(MergePatch.MEDIA_TYPE);
    if (mergePatch != null && !content.hasMediaType(MediaType.APPLICATION_JSON)) {
      content.addMediaType(
          MediaType.APPLICATION_JSON, OASFactory.createMediaType().schema(mergePatch.getSchema()));
    }
  }

  private static void describeErrors(String path, Operation operation, boolean securedByDefault) {
    APIResponses responses = operation.getResponses();
    if (responses == null) {
      responses = OASFactory.createAPIResponses();
      operation.setResponses(responses);
    }
    // Every declared error answers with a problem document; what a 201 or 202 made has an address.
    responses
        .getAPIResponses()
        .forEach(
            (status, response) -> {
              if (response.getRef() != null) {
                return;
              }
              if (status.startsWith("4") || status.startsWith("5")) {
                response.setContent(problemContent());
              } else if ((status.equals("201") || status.equals("202"))
                  && (response.getHeaders() == null
                      || !response.getHeaders().containsKey("Location"))) {
                response.addHeader(
                    "Location",
                    OASFactory.createHeader()
                        .description("The address of what was made (or of its progress)")
                        .schema(
                            OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .format("uri-reference")));
              }
            });
    boolean secured =
        operation.getSecurity() == null ? securedByDefault : !operation.getSecurity().isEmpty();
    addShared(responses, "400");
    if (operation.getRequestBody() != null) {
      addShared(responses, "413");
      addShared(responses, "415");
    }
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
        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
  }

  private static Schema fieldErrorSchema() {
    return OASFactory.createSchema()
        .addType(Schema.SchemaType.OBJECT)
        .description("One invalid input field and why")
        .addProperty("field", string("Dotted path of the field, e.g. settings.locale"))
        .addProperty("message", string("What is wrong, for a person"))
        .required(List.of("field", "message"));
  }

  private static Schema problemSchema() {
    return OASFactory.createSchema()
        .addType(Schema.SchemaType.OBJECT)
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
                .addType(Schema.SchemaType.INTEGER)
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
                .addType(Schema.SchemaType.ARRAY)
                .description("The invalid fields, when the input was refused")
                .items(OASFactory.createSchema().ref("#/components/schemas/" + FIELD_ERROR)))
        .required(List.of("type", "title", "status"));
  }

  private static Schema string(String description) {
    return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
  }
}
