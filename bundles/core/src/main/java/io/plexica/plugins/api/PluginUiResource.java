package io.plexica.plugins.api;

import io.plexica.identity.api.CurrentIdentity;
import io.plexica.plugins.app.PluginUi;
import io.plexica.plugins.domain.PluginManifest;
import io.plexica.tenancy.context.CurrentTenant;
import io.plexica.tenancy.context.TenantScoped;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The plugin pages the web app mounts for the caller: what its tenant enabled and it may see. */
@ApplicationScoped
@TenantScoped
@Path("/plugin-ui")
@Tag(name = "Plugin UIs")
@Produces(MediaType.APPLICATION_JSON)
public class PluginUiResource {
  @Inject PluginUi ui;
  @Inject CurrentTenant tenant;
  @Inject CurrentIdentity identity;

  @Schema(name = "PluginPage")
  public record PageView(
      @Schema(description = "Mounted at /p/<pluginId>/<path> in the web app") String path,
      String title) {}

  @Schema(name = "PluginUi")
  public record UiView(
      String pluginId,
      String version,
      String name,
      @Schema(description = "The ES module to import; it exports mount(element, context)")
          String module,
      List<PageView> pages) {}

  @GET
  @Operation(
      operationId = "listPluginUis",
      summary = "Plugin UIs of the caller's tenant",
      description =
          "Plugins enabled in the tenant that ship a UI, at the version the tenant runs, with the"
              + " pages the caller's permissions allow. Plugins without a visible page are left out.")
  @APIResponse(responseCode = "200")
  @APIResponse(responseCode = "401", description = "No valid token")
  public List<UiView> list() {
    return ui.forTenant(tenant.require(), identity.access().permissions()).stream()
        .map(
            u ->
                new UiView(
                    u.pluginId(),
                    u.version(),
                    u.name(),
                    PluginUiFileResource.url(u.pluginId(), u.version(), u.entry()),
                    u.pages().stream().map(PluginUiResource::page).toList()))
        .toList();
  }

  private static PageView page(PluginManifest.Page page) {
    return new PageView(page.path(), page.title());
  }
}
