package io.plexica.workspaces.api;

import io.plexica.shared.problem.Validation;
import io.plexica.shared.security.RequiresPermission;
import io.plexica.shared.web.CheckedBody;
import io.plexica.shared.web.RequestBodies;
import io.plexica.tenancy.context.TenantScoped;
import io.plexica.workspaces.api.InvitationResource.InvitationView;
import io.plexica.workspaces.app.InvitationService;
import io.plexica.workspaces.domain.Invitation;
import io.plexica.workspaces.domain.WorkspaceRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Where an invited user sees, accepts or declines an invitation to a workspace, with the token of
 * its link; the token travels in bodies, never in URLs.
 */
@ApplicationScoped
@Path("/workspace-invitations")
@Tag(name = "Workspace invitations")
@TenantScoped
@RequiresPermission("workspaces:read")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(
    responseCode = "404",
    description = "No invitation has this token (invitation-not-found)")
public class InvitationAcceptResource {
  @Inject InvitationService invitations;
  @Inject WorkspaceRequests request;
  @Inject Clock clock;
  @Inject RequestBodies bodies;

  @Schema(name = "AcceptInvitation")
  public record AcceptRequest(
      @Schema(required = true)
          @NotBlank(message = "is required")
          @Size(max = 200, message = "is not an invitation token")
          String token)
      implements CheckedBody<String> {
    @Override
    public String value(Validation validation) {
      return token == null ? null : token.strip();
    }
  }

  @Schema(name = "InvitationOffer")
  public record OfferView(
      UUID id,
      UUID workspaceId,
      String workspaceName,
      String email,
      WorkspaceRole role,
      Instant expiresAt,
      @Schema(description = "Whether it was sent to the caller's verified e-mail address")
          boolean forYou) {}

  @POST
  @Path("preview")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "previewInvitation",
      summary = "What an invitation offers",
      description =
          "The workspace and role of a pending invitation, before accepting or declining.")
  @APIResponse(
      responseCode = "200",
      description = "Pending",
      content = @Content(schema = @Schema(implementation = OfferView.class)))
  @APIResponse(responseCode = "410", description = "Expired, revoked or declined")
  public OfferView preview(AcceptRequest body) {
    InvitationService.Offer offer =
        invitations.preview(
            request.tenant(),
            request.caller(),
            request.verifiedEmail(),
            bodies.value(body, "a JSON object with token is required"));
    Invitation i = offer.invitation();
    return new OfferView(
        i.id(),
        i.workspaceId(),
        offer.workspaceName(),
        i.email(),
        i.role(),
        i.expiresAt(),
        offer.forCaller());
  }

  @POST
  @Path("decline")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "declineInvitation",
      summary = "Decline an invitation",
      description = "By the user it was sent to.")
  @APIResponse(
      responseCode = "200",
      description = "Declined",
      content = @Content(schema = @Schema(implementation = InvitationView.class)))
  @APIResponse(responseCode = "410", description = "Expired, revoked or declined")
  public InvitationView decline(AcceptRequest body) {
    Invitation declined =
        invitations.decline(
            request.tenant(),
            request.caller(),
            request.verifiedEmail(),
            bodies.value(body, "a JSON object with token is required"));
    return InvitationView.of(declined, clock.instant(), null);
  }

  @POST
  @Path("accept")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "acceptInvitation",
      summary = "Accept an invitation",
      description =
          "By the user of the tenant whose e-mail address was invited; the token travels in the"
              + " body, never in a URL.")
  @APIResponse(
      responseCode = "200",
      description = "Accepted: the caller is a member of the workspace",
      content = @Content(schema = @Schema(implementation = InvitationView.class)))
  @APIResponse(responseCode = "410", description = "Expired or revoked")
  @APIResponse(responseCode = "409", description = "Already accepted")
  public InvitationView accept(AcceptRequest body) {
    Invitation accepted =
        invitations.accept(
            request.tenant(),
            request.caller(),
            request.verifiedEmail(),
            bodies.value(body, "a JSON object with token is required"));
    return InvitationView.of(accepted, clock.instant(), null);
  }
}
