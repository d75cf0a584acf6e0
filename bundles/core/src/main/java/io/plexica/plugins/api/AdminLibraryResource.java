package io.plexica.plugins.api;

import io.plexica.plugins.app.LibraryRuntime.LibraryUser;
import io.plexica.plugins.app.PluginLibraries;
import io.plexica.plugins.domain.PluginLibrary;
import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.security.PlatformAdminOnly;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Library bundles, for platform administrators: OSGi bundles such as commons-lang3 whose packages
 * plugins import instead of embedding them.
 */
@ApplicationScoped
@PlatformAdminOnly
@Path("/admin/plugin-libraries")
@Tag(name = "Plugin registry")
@Produces(MediaType.APPLICATION_JSON)
public class AdminLibraryResource {

  @Inject PluginLibraries libraries;

  @Schema(name = "LibraryExport")
  public record ExportView(@Schema(description = "A Java package") String name, String version) {}

  @Schema(name = "LibraryUser")
  public record UserView(
      @Schema(description = "PLUGIN or LIBRARY") LibraryUser.Kind kind,
      String id,
      String version) {}

  @Schema(name = "PluginLibrary")
  public record LibraryView(
      String symbolicName,
      String version,
      List<ExportView> exports,
      String sha256,
      int sizeBytes,
      @Schema(description = "upload, or folder:<file> for the deploy folder's") String source,
      Instant addedAt,
      @Schema(description = "The plugin versions and libraries wired to its packages now")
          List<UserView> usedBy) {

    static LibraryView of(PluginLibrary library, List<LibraryUser> users) {
      return new LibraryView(
          library.symbolicName(),
          library.version(),
          library.exports().entrySet().stream()
              .sorted(java.util.Map.Entry.comparingByKey())
              .map(e -> new ExportView(e.getKey(), e.getValue().toString()))
              .toList(),
          library.sha256(),
          library.sizeBytes(),
          library.source(),
          library.addedAt(),
          users.stream().map(u -> new UserView(u.kind(), u.id(), u.version())).toList());
    }
  }

  @POST
  @Consumes({AdminPluginResource.BUNDLE, MediaType.APPLICATION_OCTET_STREAM})
  @Operation(
      operationId = "adminAddPluginLibrary",
      summary = "Add a library bundle",
      description =
          "Uploads an OSGi bundle without plugin.json (up to 32 MiB), e.g. commons-lang3 from Maven"
              + " Central. Its exported packages become importable by every plugin; versions of"
              + " one library live side by side, and each plugin is wired to the highest version"
              + " its import range accepts when it starts. A library importing packages nothing"
              + " exports is refused: add what it needs first.")
  @APIResponse(
      responseCode = "201",
      description = "Added",
      content = @Content(schema = @Schema(implementation = LibraryView.class)))
  @APIResponse(
      responseCode = "400",
      description =
          "Not a bundle, a plugin, exports nothing or the platform's packages, or unresolved")
  @APIResponse(responseCode = "409", description = "That version of the library is there")
  public Response add(byte[] bundle, @Context UriInfo uri) {
    if (bundle == null || bundle.length == 0) {
      throw ProblemException.invalid("body", "the library's bundle (a jar) is required");
    }
    PluginLibrary library = libraries.add(bundle);
    return Response.created(
            uri.getAbsolutePathBuilder()
                .path(library.symbolicName())
                .path(library.version())
                .build())
        .entity(LibraryView.of(library, List.of()))
        .build();
  }

  @GET
  @Operation(
      operationId = "adminListPluginLibraries",
      summary = "List library bundles with what uses each")
  @APIResponse(responseCode = "200")
  public List<LibraryView> list() {
    return libraries.list().stream().map(l -> LibraryView.of(l.library(), l.users())).toList();
  }

  @GET
  @Path("{symbolicName}/{version}")
  @Operation(operationId = "adminGetPluginLibrary", summary = "A library with what uses it")
  @APIResponse(responseCode = "200")
  @APIResponse(responseCode = "404", description = "No such library")
  public LibraryView get(
      @PathParam("symbolicName") String symbolicName, @PathParam("version") String version) {
    PluginLibraries.UsedLibrary used = libraries.used(symbolicName, version);
    return LibraryView.of(used.library(), used.users());
  }

  @DELETE
  @Path("{symbolicName}/{version}")
  @Operation(operationId = "adminRemovePluginLibrary", summary = "Remove a library nothing uses")
  @APIResponse(responseCode = "204", description = "Removed")
  @APIResponse(responseCode = "404", description = "No such library")
  @APIResponse(
      responseCode = "409",
      description = "Plugins or other libraries are wired to it; the detail names them")
  public Response remove(
      @PathParam("symbolicName") String symbolicName, @PathParam("version") String version) {
    libraries.remove(symbolicName, version);
    return Response.noContent().build();
  }
}
