package io.plexica.plugins.api;

import io.plexica.identity.api.CurrentIdentity;
import io.plexica.plugins.app.PluginRouter;
import io.plexica.plugins.app.PluginRouter.Call;
import io.plexica.sdk.route.RouteResponse;
import io.plexica.shared.json.JsonText;
import io.plexica.shared.problem.ProblemDocument;
import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.problem.ProblemType;
import io.plexica.tenancy.context.CurrentTenant;
import io.plexica.tenancy.context.TenantScoped;
import io.plexica.workspaces.api.WorkspaceRequests;
import io.plexica.workspaces.app.Caller;
import io.plexica.workspaces.app.WorkspaceAccess;
import io.plexica.workspaces.domain.WorkspaceRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringReader;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/plugins/<pluginId>/...}: the routes plugins declare, behind the same
 * authentication, tenant context and permission checks as the platform's own endpoints.
 */
@ApplicationScoped
@Path("/plugins/{pluginId}")
@Tag(name = "Plugin routes")
@TenantScoped
@APIResponse(
    responseCode = "200",
    description = "The route's answer: the JSON body the plugin's route returns",
    content =
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(description = "Any JSON value the route returns")))
@APIResponse(
    responseCode = "default",
    description =
        "What the plugin's route answers: its status, JSON body and Location (see the plugin's"
            + " documentation), or the platform's problem (e.g. 504 plugin-timeout, 503"
            + " plugin-unavailable)",
    headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
    content = {
      @Content(
          mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(description = "Any JSON value the route returns")),
      @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(ref = "Problem"))
    })
public class PluginRouteResource {
  @Inject PluginRouter router;
  @Inject CurrentTenant tenant;
  @Inject CurrentIdentity identity;
  @Inject WorkspaceAccess workspaces;

  @GET
  @Path("{path: .*}")
  @Operation(
      operationId = "getPluginRoute",
      summary = "A plugin route (GET); see the plugin's documentation")
  public Response get(@BeanParam RouteRequest route) {
    return dispatch(route, null);
  }

  @DELETE
  @Path("{path: .*}")
  @Operation(
      operationId = "deletePluginRoute",
      summary = "A plugin route (DELETE); see the plugin's documentation")
  public Response delete(@BeanParam RouteRequest route) {
    return dispatch(route, null);
  }

  @POST
  @Path("{path: .*}")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(description = "Any JSON value the route takes")))
  @Operation(
      operationId = "postPluginRoute",
      summary = "A plugin route (POST, JSON body); see the plugin's documentation")
  public Response post(@BeanParam RouteRequest route, String body) {
    return dispatch(route, body);
  }

  @PUT
  @Path("{path: .*}")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(description = "Any JSON value the route takes")))
  @Operation(
      operationId = "putPluginRoute",
      summary = "A plugin route (PUT, JSON body); see the plugin's documentation")
  public Response put(@BeanParam RouteRequest route, String body) {
    return dispatch(route, body);
  }

  @PATCH
  @Path("{path: .*}")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(description = "Any JSON value the route takes")))
  @Operation(
      operationId = "patchPluginRoute",
      summary = "A plugin route (PATCH, JSON body); see the plugin's documentation")
  public Response patch(@BeanParam RouteRequest route, String body) {
    return dispatch(route, body);
  }

  private Response dispatch(RouteRequest route, String body) {
    String pluginId = route.pluginId;
    UriInfo uri = route.uri;
    String workspaceHeader = route.workspace;
    String prefix = "plugins/" + pluginId;
    String username = identity.require().username();
    Optional<UUID> workspace =
        Optional.ofNullable(workspaceHeader)
            .filter(h -> !h.isBlank())
            .map(h -> WorkspaceRequests.workspaceId(h.strip()));
    Optional<String> role =
        workspace.map(
            id ->
                workspaces
                    .require(
                        tenant.require(),
                        Caller.of(identity.access(), username),
                        id,
                        WorkspaceRole.VIEWER)
                    .name());
    RouteResponse response =
        router.call(
            tenant.require(),
            identity.access(),
            username,
            new Call(
                pluginId,
                route.request.getMethod(),
                "/" + route.path,
                Map.copyOf(uri.getQueryParameters()),
                parse(body),
                workspace,
                role));
    Response.ResponseBuilder builder = Response.status(response.status());
    response.body().ifPresent(b -> builder.entity(b.toString()).type(MediaType.APPLICATION_JSON));
    response.location().ifPresent(l -> builder.location(URI.create(uri.getBaseUri() + prefix + l)));
    return builder.build();
  }

  private static Optional<JsonValue> parse(String body) {
    if (body == null || body.isBlank()) {
      return Optional.empty();
    }
    try (JsonReader reader = JsonText.PROVIDER.createReader(new StringReader(body))) {
      return Optional.of(reader.readValue());
    } catch (JsonException e) {
      throw new ProblemException(
          ProblemType.MALFORMED_REQUEST, "The body is not JSON: " + e.getMessage(), e);
    }
  }
}
