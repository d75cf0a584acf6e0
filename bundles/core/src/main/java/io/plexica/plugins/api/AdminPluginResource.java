package io.plexica.plugins.api;

import io.plexica.plugins.app.PluginDeployment;
import io.plexica.plugins.domain.PluginManifest;
import io.plexica.plugins.domain.RegisteredPlugin;
import io.plexica.shared.json.JsonText;
import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.security.PlatformAdminOnly;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The plugin registry, for platform administrators: deploy, update, inspect, deprecate, remove. */
@ApplicationScoped
@PlatformAdminOnly
@Path("/admin/plugins")
@Tag(name = "Plugin registry")
@Produces(MediaType.APPLICATION_JSON)
public class AdminPluginResource {
  static final String BUNDLE = "application/java-archive";

  @Inject PluginDeployment deployment;

  @Schema(name = "PluginReference")
  public record ReferenceView(String id, String version) {}

  @Schema(name = "PluginPermission")
  public record PermissionView(String name, String description) {}

  @Schema(name = "RegisteredPlugin")
  public record PluginView(
      String id,
      String name,
      String vendor,
      String category,
      @Schema(nullable = true) String description,
      RegisteredPlugin.Status status,
      String currentVersion,
      List<String> versions,
      String sdk,
      List<PermissionView> permissions,
      List<ReferenceView> dependencies,
      List<ReferenceView> conflicts,
      @Schema(description = "Slugs of the tenants that installed it") List<String> tenants,
      @Schema(description = "The current version's plugin.json") JsonObject manifest,
      Instant createdAt,
      Instant updatedAt) {}

  private PluginView view(RegisteredPlugin plugin) {
    PluginManifest manifest = deployment.currentManifest(plugin);
    return new PluginView(
        plugin.id(),
        plugin.name(),
        plugin.vendor(),
        plugin.category(),
        plugin.description(),
        plugin.status(),
        plugin.currentVersion(),
        deployment.versions(plugin.id()),
        manifest.sdkRange(),
        manifest.permissions().stream()
            .map(p -> new PermissionView(p.name(), p.description()))
            .toList(),
        manifest.dependencies().stream()
            .map(d -> new ReferenceView(d.id(), d.versionRange()))
            .toList(),
        manifest.conflicts().stream()
            .map(d -> new ReferenceView(d.id(), d.versionRange()))
            .toList(),
        deployment.tenantsUsing(plugin.id()),
        JsonText.object(manifest.json()),
        plugin.createdAt(),
        plugin.updatedAt());
  }

  @POST
  @Consumes({BUNDLE, MediaType.APPLICATION_OCTET_STREAM})
  @Operation(
      operationId = "adminDeployPlugin",
      summary = "Deploy a plugin bundle",
      description =
          "Uploads an OSGi bundle with META-INF/plexica/plugin.json (up to 32 MiB). A new plugin is"
              + " registered; a newer version of a deployed plugin replaces the running one without"
              + " a restart. A bundle that is not valid is refused with the cause, and the version"
              + " that ran keeps running.")
  @APIResponse(
      responseCode = "201",
      description = "Deployed",
      content = @Content(schema = @Schema(implementation = PluginView.class)))
  @APIResponse(
      responseCode = "400",
      description = "Not a bundle, bad manifest, wrong SDK, or the bundle does not start")
  @APIResponse(
      responseCode = "409",
      description = "Version deployed already, older, a missing dependency, or a conflict")
  public Response deploy(byte[] bundle, @Context UriInfo uri) {
    requireBundle(bundle);
    RegisteredPlugin plugin = deployment.deploy(bundle);
    return Response.created(uri.getAbsolutePathBuilder().path(plugin.id()).build())
        .entity(view(plugin))
        .build();
  }

  @PUT
  @Path("{id}/versions/{version}")
  @Consumes({BUNDLE, MediaType.APPLICATION_OCTET_STREAM})
  @Operation(
      operationId = "adminReplacePluginVersion",
      summary = "Replace a deployed version's bundle in place (development platforms)",
      description =
          "The vendor's development loop (mvn plexica:watch): a new build of the same version"
              + " passes the checks of a deploy and runs instead of the old one, on every replica;"
              + " tenants that run the version reach the new code from their next call. Only where"
              + " plexica.plugins.replace-in-place is true (bin/plexica up sets it); elsewhere"
              + " plugin-replace-off. While tenants run the version, its migrations must stay as"
              + " they are. The same bundle again changes nothing.")
  @APIResponse(
      responseCode = "200",
      description = "Replaced, or the same bundle already ran",
      content = @Content(schema = @Schema(implementation = PluginView.class)))
  @APIResponse(
      responseCode = "400",
      description = "Not a bundle, bad manifest, another plugin or version, or it does not start")
  @APIResponse(responseCode = "404", description = "No such plugin or version")
  @APIResponse(
      responseCode = "409",
      description = "Not a development platform, or migrations tenants applied would change")
  public PluginView replace(
      @PathParam("id") String id, @PathParam("version") String version, byte[] bundle) {
    requireBundle(bundle);
    return view(deployment.replace(id, version, bundle));
  }

  @GET
  @Operation(
      operationId = "adminListPlugins",
      summary = "List plugins",
      description = "Filter by text, category, status and vendor.")
  @APIResponse(responseCode = "200")
  public List<PluginView> list(
      @QueryParam("q") String text,
      @QueryParam("category") String category,
      @QueryParam("status") String status,
      @QueryParam("vendor") String vendor) {
    String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    return deployment.list().stream()
        .filter(
            p ->
                needle.isEmpty()
                    || (p.id() + " " + p.name() + " " + p.description())
                        .toLowerCase(Locale.ROOT)
                        .contains(needle))
        .filter(p -> category == null || p.category().equals(category))
        .filter(p -> status == null || p.status().name().equalsIgnoreCase(status))
        .filter(p -> vendor == null || p.vendor().equalsIgnoreCase(vendor))
        .map(this::view)
        .toList();
  }

  @GET
  @Path("{id}")
  @Operation(
      operationId = "adminGetPlugin",
      summary = "A plugin with its versions, permissions, dependencies and tenants")
  @APIResponse(responseCode = "200")
  @APIResponse(responseCode = "404", description = "No such plugin")
  public PluginView get(@PathParam("id") String id) {
    return view(deployment.get(id));
  }

  @POST
  @Path("{id}/deprecate")
  @Operation(
      operationId = "adminDeprecatePlugin",
      summary = "Deprecate: it keeps running where installed; no new installations")
  @APIResponse(responseCode = "200")
  public PluginView deprecate(@PathParam("id") String id) {
    return view(deployment.setStatus(id, RegisteredPlugin.Status.DEPRECATED));
  }

  @DELETE
  @Path("{id}")
  @Operation(
      operationId = "adminRemovePlugin",
      summary = "Remove a plugin no tenant uses and no plugin depends on")
  @APIResponse(responseCode = "204", description = "Removed")
  @APIResponse(
      responseCode = "409",
      description = "Installed in tenants or needed by other plugins")
  public Response remove(@PathParam("id") String id) {
    deployment.remove(id);
    return Response.noContent().build();
  }

  @DELETE
  @Path("{id}/versions/{version}")
  @Operation(
      operationId = "adminRemovePluginVersion",
      summary = "Remove one version no tenant runs",
      description =
          "The last version removes the plugin. Removing the current version makes the highest"
              + " remaining one current, refused while another plugin's dependency range"
              + " excludes it.")
  @APIResponse(responseCode = "204", description = "Removed")
  @APIResponse(responseCode = "404", description = "No such plugin or version")
  @APIResponse(
      responseCode = "409",
      description = "Tenants run that version, or other plugins need what it would leave")
  public Response removeVersion(@PathParam("id") String id, @PathParam("version") String version) {
    deployment.removeVersion(id, version);
    return Response.noContent().build();
  }

  private static void requireBundle(byte[] bundle) {
    if (bundle == null || bundle.length == 0) {
      throw ProblemException.invalid("body", "the plugin's bundle (a jar) is required");
    }
  }
}
