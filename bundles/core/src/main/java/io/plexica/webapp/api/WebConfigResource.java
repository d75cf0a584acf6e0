package io.plexica.webapp.api;

import io.plexica.identity.app.Realms;
import io.plexica.identity.infra.KeycloakSettings;
import io.plexica.shared.problem.ProblemDocument;
import io.plexica.tenancy.domain.TenancyProblems;
import io.plexica.tenancy.domain.Tenant;
import io.plexica.tenancy.domain.TenantRepository;
import io.plexica.tenancy.domain.TenantStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What the web app and the console need before anyone logged in: where Keycloak is for browsers,
 * and which realm and client a login uses. Public, like the realms' own login pages.
 */
@ApplicationScoped
@Path("/web-config")
@Tag(name = "Web app")
@Produces(MediaType.APPLICATION_JSON)
public class WebConfigResource {
  @Inject KeycloakSettings keycloak;
  @Inject TenantRepository tenants;

  /** Where browsers reach Keycloak, when it differs from where the platform does. */
  @Inject
  @ConfigProperty(name = "plexica.keycloak.public-url")
  Optional<String> publicUrl;

  @Schema(name = "TenantLogin")
  public record TenantLogin(String slug, String name, String realm, String clientId) {}

  @Schema(name = "WebConfig")
  public record WebConfig(
      @Schema(description = "Keycloak as browsers reach it") String keycloakUrl,
      String platformRealm,
      String consoleClientId,
      @Schema(description = "Present when ?tenant= named an active tenant") TenantLogin tenant) {}

  @GET
  @Operation(summary = "Login settings of the web app and console")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content = @Content(schema = @Schema(implementation = WebConfig.class)))
  @APIResponse(
      responseCode = "404",
      description = "?tenant= names no active tenant",
      content = @Content(mediaType = ProblemDocument.MEDIA_TYPE))
  public WebConfig config(
      @Parameter(description = "A tenant's slug: its login realm is returned") @QueryParam("tenant")
          String slug) {
    TenantLogin login = null;
    if (slug != null && !slug.isBlank()) {
      Tenant tenant =
          tenants
              .findBySlug(slug.strip())
              .filter(t -> t.status() == TenantStatus.ACTIVE)
              .orElseThrow(() -> TenancyProblems.notFound(slug.strip()));
      login =
          new TenantLogin(tenant.slug(), tenant.name(), tenant.slug(), KeycloakSettings.WEB_CLIENT);
    }
    String url = publicUrl.filter(u -> !u.isBlank()).orElse(keycloak.url());
    return new WebConfig(
        url.endsWith("/") ? url.substring(0, url.length() - 1) : url,
        Realms.PLATFORM_REALM,
        KeycloakSettings.CONSOLE_CLIENT,
        login);
  }
}
