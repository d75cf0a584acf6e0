package io.plexica.plugins.api;

import io.plexica.workspaces.api.WorkspaceRequests;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.enums.Explode;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterStyle;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** What every plugin route call carries besides its body, declared once ({@code @BeanParam}). */
public class RouteRequest {
  @PathParam("pluginId")
  String pluginId;

  @PathParam("path")
  @Parameter(description = "The route's path below the plugin's base path")
  String path;

  @HeaderParam(WorkspaceRequests.WORKSPACE_HEADER)
  @Parameter(
      description = "The workspace the call works in; the caller must be a member (else 404)")
  String workspace;

  /**
   * Only documents that a route takes query parameters of its own (all of them reach the plugin
   * through {@link #uri}); JAX-RS binds the one named "query", unused.
   */
  @QueryParam("query")
  @Parameter(
      name = "query",
      description = "The route's own query parameters, passed on as they are",
      style = ParameterStyle.FORM,
      explode = Explode.TRUE,
      schema = @Schema(type = SchemaType.OBJECT, additionalProperties = String.class))
  String query;

  @Context UriInfo uri;
  @Context Request request;
}
