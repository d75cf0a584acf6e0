package io.plexica.plugins.api;

import io.plexica.plugins.app.PluginUi;
import io.plexica.plugins.domain.PluginProblems;
import io.plexica.shared.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSets;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The files of plugin UIs, which the browser imports as ES modules (so without the bearer token):
 * platform code like the web app's own, not tenant data. Which pages a tenant's user sees is
 * decided by {@link PluginUiResource}; a version's files never change, so they are cached for a
 * year.
 */
@ApplicationScoped
@Path("/plugin-ui-files")
@Tag(name = "Plugin UIs")
public class PluginUiFileResource {
  static final String PATH = "/api/v1/plugin-ui-files/";

  private static final Map<String, String> TYPES =
      Map.of(
          "js", "text/javascript; charset=utf-8",
          "mjs", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "json", "application/json",
          "svg", "image/svg+xml",
          "png", "image/png",
          "jpg", "image/jpeg",
          "jpeg", "image/jpeg",
          "webp", "image/webp",
          "woff2", "font/woff2");

  static final String FILE_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

  @Inject PluginUi ui;

  /** The address of a file under {@code ui/} of a deployed version, by its path below it. */
  public static String url(String pluginId, String version, String file) {
    return PATH + pluginId + "/" + version + "/" + file;
  }

  @GET
  @Path("{pluginId}/{version}/{file: .+}")
  @Operation(
      operationId = "getPluginUiFile",
      summary = "A file of a plugin's UI (under ui/ in its bundle)")
  @SecurityRequirementsSets({})
  @APIResponse(
      responseCode = "200",
      description = "The file, with the media type of its extension",
      content = {
        @Content(mediaType = "text/javascript", schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = "text/css", schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(description = "JSON")),
        @Content(mediaType = "image/svg+xml", schema = @Schema(type = SchemaType.STRING)),
        @Content(
            mediaType = "image/png",
            schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(
            mediaType = "image/jpeg",
            schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(
            mediaType = "image/webp",
            schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(
            mediaType = "font/woff2",
            schema = @Schema(type = SchemaType.STRING, format = "binary"))
      })
  @APIResponse(
      responseCode = "404",
      description = "No such plugin version or file, or a type that is not served")
  public Response file(
      @PathParam("pluginId") String pluginId,
      @PathParam("version") String version,
      @PathParam("file") String file) {
    String extension = file.substring(file.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    String type = TYPES.get(extension);
    byte[] content = type == null ? null : ui.file(pluginId, version, file).orElse(null);
    if (content == null) {
      throw new ProblemException(
          PluginProblems.UI_FILE_NOT_FOUND,
          "Plugin '" + pluginId + "' " + version + " has no UI file " + file + ".");
    }
    return Response.ok(content, type)
        .header(
            "Cache-Control",
            ui.filesImmutable() ? "public, max-age=31536000, immutable" : "no-cache")
        .header("X-Content-Type-Options", "nosniff")
        // Opened on its own (a link, a new tab), an SVG is a document that could run script on the
        // platform's origin; this policy lets it draw and nothing else. Modules loaded by the app
        // run under the page's policy, not this one.
        .header("Content-Security-Policy", FILE_POLICY)
        .build();
  }
}
