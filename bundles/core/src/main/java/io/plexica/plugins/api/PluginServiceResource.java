package io.plexica.plugins.api;

import io.plexica.plugins.app.PluginServiceDirectory;
import io.plexica.shared.security.RequiresPermission;
import io.plexica.tenancy.context.CurrentTenant;
import io.plexica.tenancy.context.TenantScoped;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The services the caller's tenant's plugins offer each other. */
@ApplicationScoped
@Path("/plugin-services")
@Tag(name = "Tenant plugins")
@TenantScoped
@Produces(MediaType.APPLICATION_JSON)
public class PluginServiceResource {
  @Inject PluginServiceDirectory directory;
  @Inject CurrentTenant tenant;

  @Schema(name = "PluginService")
  public record ServiceView(
      @Schema(example = "crm") String pluginId,
      @Schema(description = "The version this tenant has installed", example = "1.1.0")
          String pluginVersion,
      @Schema(
              description = "The service's Java interface",
              example = "io.plexica.samples.crm.api.CrmContacts")
          String service,
      @Schema(description = "The exported package it belongs to") String apiPackage,
      @Schema(description = "That package's version, as the plugin exports it", example = "1.0.0")
          String apiVersion,
      @Schema(description = "Each operation and the permission it needs (empty: none)")
          Map<String, String> operations,
      @Schema(
              description =
                  "This tenant's plugins that declare the provider and import the package")
          List<ConsumerView> consumers) {}

  @Schema(name = "PluginServiceConsumer")
  public record ConsumerView(
      String pluginId,
      String pluginVersion,
      boolean enabled,
      @Schema(
              description = "The version range of the package it imports",
              example = "[1.0.0,2.0.0)")
          String imports,
      @Schema(description = "Whether the provider's version is in that range")
          boolean compatible) {}

  @GET
  @RequiresPermission("plugins:read")
  @Operation(
      operationId = "listPluginServices",
      summary = "Services this tenant's plugins offer each other",
      description =
          "Each enabled plugin's services at the version this tenant installed, with the operations'"
              + " permissions, and which of the tenant's plugins may call them.")
  @APIResponse(responseCode = "200")
  public List<ServiceView> list() {
    return directory.forTenant(tenant.require()).stream()
        .map(
            e ->
                new ServiceView(
                    e.pluginId(),
                    e.pluginVersion(),
                    e.service(),
                    e.apiPackage(),
                    e.apiVersion(),
                    e.operations(),
                    e.consumers().stream()
                        .map(
                            c ->
                                new ConsumerView(
                                    c.pluginId(),
                                    c.pluginVersion(),
                                    c.enabled(),
                                    c.imports(),
                                    c.compatible()))
                        .toList()))
        .toList();
  }
}
