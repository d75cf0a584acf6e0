package io.plexica.identity.api;

import io.plexica.identity.api.UserViews.PlatformUserPageView;
import io.plexica.identity.app.PlatformUserDirectory;
import io.plexica.identity.domain.UserQuery;
import io.plexica.shared.problem.ProblemDocument;
import io.plexica.shared.security.PlatformAdminOnly;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Users across every tenant, for the super-admin console. */
@ApplicationScoped
@PlatformAdminOnly
@Path("/admin/users")
@Tag(name = "Platform administration")
@Produces(MediaType.APPLICATION_JSON)
public class AdminUserResource {
  @Inject PlatformUserDirectory directory;

  @GET
  @Operation(
      summary = "Search users of all tenants",
      description = "Users of active and suspended tenants, ordered by tenant and username.")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content = @Content(schema = @Schema(implementation = PlatformUserPageView.class)))
  @APIResponse(
      responseCode = "400",
      description = "Invalid parameter",
      content = @Content(mediaType = ProblemDocument.MEDIA_TYPE))
  public PlatformUserPageView search(
      @Parameter(description = "Text in the username, e-mail or name, any case") @QueryParam("q")
          String text,
      @Parameter(description = "Only this tenant: its id or slug") @QueryParam("tenant")
          String tenant,
      @Parameter(description = "Only users holding this role") @QueryParam("role") String role,
      @Parameter(description = "INVITED, ACTIVE or DISABLED") @QueryParam("status") String status,
      @Parameter(description = "Zero-based page", example = "0") @QueryParam("page") String page,
      @Parameter(description = "Page size, 1 to 100", example = "20") @QueryParam("size")
          String size) {
    return PlatformUserPageView.of(
        directory.search(UserQuery.parse(text, status, role, tenant, page, size)));
  }
}
