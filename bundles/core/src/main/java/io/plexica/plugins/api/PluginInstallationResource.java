package io.plexica.plugins.api;

import io.plexica.plugins.app.PluginDeployment;
import io.plexica.plugins.app.PluginInstallations;
import io.plexica.plugins.domain.PluginInstallation;
import io.plexica.plugins.domain.PluginManifest;
import io.plexica.plugins.domain.RegisteredPlugin;
import io.plexica.shared.json.JsonText;
import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.security.RequiresPermission;
import io.plexica.shared.web.MergePatch;
import io.plexica.tenancy.context.CurrentTenant;
import io.plexica.tenancy.context.TenantScoped;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
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
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The plugins of the caller's tenant: what is available, what is installed, and changing that. */
@ApplicationScoped
@Path("/plugin-installations")
@Tag(name = "Tenant plugins")
@TenantScoped
@Produces(MediaType.APPLICATION_JSON)
public class PluginInstallationResource {
  @Inject PluginInstallations installations;
  @Inject PluginDeployment deployment;
  @Inject CurrentTenant tenant;

  @Schema(name = "PluginInstallation")
  public record InstallationView(
      String pluginId,
      @Schema(description = "The plugin's name, at the installed version") String name,
      String version,
      boolean enabled,
      @Schema(description = "The configuration, with the schema's defaults filled in")
          JsonObject config,
      @Schema(
              nullable = true,
              description = "JSON Schema of the configuration; absent when it takes none")
          JsonObject configSchema,
      @Schema(
              nullable = true,
              description =
                  "The newest deployed version this tenant can upgrade to now (its dependencies,"
                      + " the plugins depending on it and its configuration all accept it); absent"
                      + " when none")
          String upgradeTo,
      @Schema(
              nullable = true,
              description =
                  "A newer published version this tenant cannot move to yet, and why; absent"
                      + " when none")
          BlockedUpgradeView upgradeBlocked,
      Instant installedAt,
      Instant updatedAt) {}

  @Schema(name = "BlockedUpgrade")
  public record BlockedUpgradeView(@Schema(example = "2.0.0") String version, String reason) {}

  private InstallationView view(PluginInstallation i) {
    PluginManifest manifest = deployment.manifest(i.pluginId(), i.pluginVersion());
    PluginInstallations.UpgradeOffer offer = installations.upgradeOffer(tenant.require(), i);
    return new InstallationView(
        i.pluginId(),
        manifest.name(),
        i.pluginVersion(),
        i.enabled(),
        JsonText.object(i.config()),
        manifest.configSchemaJson().map(JsonText::object).orElse(null),
        offer.version().orElse(null),
        offer.blocked().map(b -> new BlockedUpgradeView(b.version(), b.reason())).orElse(null),
        i.installedAt(),
        i.updatedAt());
  }

  @Schema(name = "AvailablePlugin")
  public record AvailableView(
      String id,
      String name,
      String vendor,
      String category,
      @Schema(nullable = true) String description,
      String version,
      @Schema(
              nullable = true,
              description = "JSON Schema of the configuration to install it with; absent if none")
          JsonObject configSchema,
      @Schema(
              description =
                  "What installing it needs in this tenant, depth first: each plugin it depends on,"
                      + " and what a missing one needs in turn")
          List<RequirementView> requires) {}

  @Schema(name = "PluginRequirement")
  public record RequirementView(
      @Schema(example = "crm") String pluginId,
      @Schema(description = "The versions accepted (OSGi range)", example = "[1.1,2)")
          String versionRange,
      @Schema(description = "0 for the plugin's own dependencies, 1 for theirs, ...") int depth,
      @Schema(
              nullable = true,
              description = "The version this tenant has installed and enabled; absent when none")
          String installed,
      @Schema(
              description =
                  "Whether the installed version fits the range and exports the packages imported"
                      + " from it")
          boolean met) {
    public static RequirementView of(PluginInstallations.Requirement r) {
      return new RequirementView(
          r.pluginId(), r.versionRange(), r.depth(), r.installed().orElse(null), r.met());
    }
  }

  @Schema(name = "TenantPlugins")
  public record TenantPluginsView(
      List<InstallationView> installed, List<AvailableView> available) {}

  @Schema(
      name = "InstallationChanges",
      description = "JSON merge patch (RFC 7396): only the members sent change")
  public record InstallationChanges(
      @Schema(description = "false keeps the plugin installed but stops it for the tenant")
          Boolean enabled,
      @Schema(description = "Replaces the configuration; fits the plugin's configuration schema")
          JsonObject config) {
    private static final Set<String> PATCHABLE = Set.of("enabled", "config");

    static Wanted read(JsonObject body) {
      return MergePatch.read(
          body,
          PATCHABLE,
          patch ->
              new Wanted(patch.bool("enabled"), patch.object("config").map(JsonObject::toString)));
    }

    record Wanted(Optional<Boolean> enabled, Optional<String> config) {}
  }

  @Schema(name = "InstallPlugin")
  public record InstallRequest(
      @Schema(required = true, example = "analytics") String pluginId,
      @Schema(description = "A deployed version; the current one when absent", example = "1.0.0")
          String version,
      @Schema(description = "Fits the plugin's configuration schema") JsonObject config) {}

  @GET
  @RequiresPermission("plugins:read")
  @Operation(
      operationId = "listPluginInstallations",
      summary = "Installed plugins and those available to install")
  @APIResponse(responseCode = "200")
  public TenantPluginsView list() {
    List<PluginInstallation> installed = installations.installed(tenant.require());
    Set<String> ids =
        installed.stream()
            .map(PluginInstallation::pluginId)
            .collect(java.util.stream.Collectors.toSet());
    return new TenantPluginsView(
        installed.stream().map(this::view).toList(),
        deployment.list().stream()
            .filter(p -> p.status() == RegisteredPlugin.Status.ACTIVE && !ids.contains(p.id()))
            .map(
                p ->
                    new AvailableView(
                        p.id(),
                        p.name(),
                        p.vendor(),
                        p.category(),
                        p.description(),
                        p.currentVersion(),
                        deployment
                            .currentManifest(p)
                            .configSchemaJson()
                            .map(JsonText::object)
                            .orElse(null),
                        installations
                            .requirements(tenant.require(), deployment.currentManifest(p))
                            .stream()
                            .map(RequirementView::of)
                            .toList()))
            .toList());
  }

  @POST
  @RequiresPermission("plugins:manage")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "installPlugin",
      summary = "Install a plugin in this tenant",
      description =
          "Installs the plugin's current version, enabled, with the configuration checked against"
              + " its schema. Plugins it depends on must be installed and enabled first.")
  @APIResponse(
      responseCode = "201",
      description = "Installed",
      content = @Content(schema = @Schema(implementation = InstallationView.class)))
  @APIResponse(responseCode = "400", description = "Configuration does not fit the schema")
  @APIResponse(
      responseCode = "409",
      description =
          "Installed already, a dependency is missing, or it does not export a package this plugin"
              + " imports in a version it accepts (plugin-package-unmet)")
  public Response install(InstallRequest body, @Context UriInfo uri) {
    if (body == null || body.pluginId() == null || body.pluginId().isBlank()) {
      throw ProblemException.invalid("pluginId", "is required");
    }
    PluginInstallation installed =
        installations.install(
            tenant.require(),
            body.pluginId().strip(),
            java.util.Optional.ofNullable(body.version()).filter(v -> !v.isBlank()),
            body.config() == null ? "{}" : body.config().toString());
    return Response.created(uri.getAbsolutePathBuilder().path(installed.pluginId()).build())
        .entity(view(installed))
        .build();
  }

  @PATCH
  @Path("{pluginId}")
  @RequiresPermission("plugins:manage")
  @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
  @Operation(
      operationId = "updatePluginInstallation",
      summary = "Enable, disable or configure an installed plugin",
      description = "A merge patch of enabled and config; config replaces the whole configuration.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MergePatch.MEDIA_TYPE,
              schema = @Schema(implementation = InstallationChanges.class)))
  @APIResponse(responseCode = "200")
  @APIResponse(
      responseCode = "409",
      description =
          "Disabling a plugin that enabled plugins of the tenant depend on (plugin-in-use)")
  public InstallationView update(@PathParam("pluginId") String pluginId, JsonObject patch) {
    InstallationChanges.Wanted wanted = InstallationChanges.read(patch);
    PluginInstallation result = null;
    if (wanted.config().isPresent()) {
      result = installations.configure(tenant.require(), pluginId, wanted.config().get());
    }
    if (wanted.enabled().isPresent()) {
      result = installations.setEnabled(tenant.require(), pluginId, wanted.enabled().get());
    }
    if (result == null) {
      result = installations.installed(tenant.require(), pluginId);
    }
    return view(result);
  }

  @Schema(name = "UpgradePlugin")
  public record UpgradeRequest(
      @Schema(
              description =
                  "A deployed version newer than the installed one; the current one when absent",
              example = "2.0.0")
          String version) {}

  @POST
  @Path("{pluginId}/upgrade")
  @RequiresPermission("plugins:manage")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "upgradePluginInstallation",
      summary = "Upgrade an installed plugin in this tenant",
      description =
          "Moves this tenant to a newer deployed version: the configuration is checked against the"
              + " new schema and the new version's migrations run in the tenant's schema (all or"
              + " none). Other tenants keep their version. No restart.")
  @APIResponse(
      responseCode = "200",
      description = "Upgraded",
      content = @Content(schema = @Schema(implementation = InstallationView.class)))
  @APIResponse(
      responseCode = "409",
      description =
          "Not newer, a dependency missing, a plugin of the tenant that depends on it would not"
              + " accept the new version (plugin-package-unmet), or a migration failed")
  public InstallationView upgrade(@PathParam("pluginId") String pluginId, UpgradeRequest body) {
    java.util.Optional<String> version =
        java.util.Optional.ofNullable(body).map(UpgradeRequest::version).filter(v -> !v.isBlank());
    return view(installations.upgrade(tenant.require(), pluginId, version));
  }

  @DELETE
  @Path("{pluginId}")
  @RequiresPermission("plugins:manage")
  @Operation(operationId = "uninstallPlugin", summary = "Uninstall a plugin from this tenant")
  @APIResponse(responseCode = "204", description = "Uninstalled")
  @APIResponse(responseCode = "409", description = "Another installed plugin depends on it")
  public Response uninstall(
      @PathParam("pluginId") String pluginId,
      @Parameter(description = "Also drop the plugin's tables in this tenant")
          @QueryParam("purge")
          @DefaultValue("false")
          boolean purge) {
    installations.uninstall(tenant.require(), pluginId, purge);
    return Response.noContent().build();
  }
}
