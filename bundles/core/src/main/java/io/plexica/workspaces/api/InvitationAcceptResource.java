package io.plexica.workspaces.api;

import io.plexica.shared.problem.ProblemDocument;
import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.security.RequiresPermission;
import io.plexica.tenancy.context.TenantScoped;
import io.plexica.workspaces.api.InvitationResource.InvitationView;
import io.plexica.workspaces.app.InvitationService;
import io.plexica.workspaces.domain.Invitation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Where an invited user accepts an invitation to a workspace, with the token it was given. */
@ApplicationScoped
@Path("/workspace-invitations/accept")
@Tag(name = "Workspace invitations")
@TenantScoped
@RequiresPermission("workspaces:read")
@Produces(MediaType.APPLICATION_JSON)
public class InvitationAcceptResource {
  @Inject InvitationService invitations;
  @Inject WorkspaceRequests request;
  @Inject Clock clock;

  @Schema(name = "AcceptInvitation")
  public record AcceptRequest(@Schema(required = true) String token) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Accept an invitation",
      description =
          "By the user of the tenant whose e-mail address was invited; the token travels in the"
              + " body, never in a URL.")
  @APIResponse(
      responseCode = "200",
      description = "Accepted: the caller is a member of the workspace",
      content = @Content(schema = @Schema(implementation = InvitationView.class)))
  @APIResponse(
      responseCode = "410",
      description = "Expired or revoked",
      content = @Content(mediaType = ProblemDocument.MEDIA_TYPE))
  @APIResponse(
      responseCode = "409",
      description = "Already accepted",
      content = @Content(mediaType = ProblemDocument.MEDIA_TYPE))
  public InvitationView accept(AcceptRequest body) {
    if (body == null || body.token() == null || body.token().isBlank()) {
      throw ProblemException.invalid("token", "is required");
    }
    if (body.token().length() > 200) {
      throw ProblemException.invalid("token", "is not an invitation token");
    }
    Invitation accepted =
        invitations.accept(
            request.tenant(), request.caller(), request.verifiedEmail(), body.token().strip());
    return InvitationView.of(accepted, clock.instant(), null);
  }
}
