package io.plexica.webapp.api;

import io.plexica.webapp.app.LoginSettings;
import io.plexica.webapp.app.LoginSettings.Login;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSets;
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
  @Inject LoginSettings settings;

  @GET
  @SecurityRequirementsSets({})
  @Operation(operationId = "getWebConfig", summary = "Login settings of the web app and console")
  @APIResponse(
      responseCode = "200",
      description = "OK; tenant is present when ?tenant= named an active tenant",
      content = @Content(schema = @Schema(implementation = Login.class)))
  @APIResponse(
      responseCode = "404",
      description = "?tenant= names no organization, by slug or (unique) name")
  @APIResponse(
      responseCode = "403",
      description = "The organization exists but is suspended or not yet active")
  public Login config(
      @Parameter(description = "A tenant's slug: its login realm is returned") @QueryParam("tenant")
          String slug) {
    return settings.login(Optional.ofNullable(slug).map(String::strip).filter(s -> !s.isEmpty()));
  }
}
