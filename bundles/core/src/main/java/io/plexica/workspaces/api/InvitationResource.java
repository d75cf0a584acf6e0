package io.plexica.workspaces.api;

import io.plexica.shared.problem.Validation;
import io.plexica.shared.security.RequiresPermission;
import io.plexica.shared.web.CheckedBody;
import io.plexica.shared.web.PathIds;
import io.plexica.shared.web.RequestBodies;
import io.plexica.tenancy.context.TenantScoped;
import io.plexica.tenancy.domain.EmailAddress;
import io.plexica.workspaces.app.InvitationService;
import io.plexica.workspaces.domain.Invitation;
import io.plexica.workspaces.domain.WorkspaceProblems;
import io.plexica.workspaces.domain.WorkspaceRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Invitations to a workspace: its {@code ADMIN}s create, list and revoke them; the invited user
 * accepts with the token ({@link InvitationAcceptResource}).
 */
@ApplicationScoped
@Path("/workspaces/{id}/invitations")
@Tag(name = "Workspace invitations")
@TenantScoped
@RequiresPermission("workspaces:read")
@Produces(MediaType.APPLICATION_JSON)
public class InvitationResource {
  @Inject InvitationService invitations;
  @Inject WorkspaceRequests request;
  @Inject RequestBodies bodies;
  @Inject Clock clock;

  @Schema(name = "Invitation")
  public record InvitationView(
      UUID id,
      UUID workspaceId,
      String email,
      WorkspaceRole role,
      @Schema(enumeration = {"PENDING", "ACCEPTED", "REVOKED", "DECLINED", "EXPIRED"})
          String status,
      UUID invitedBy,
      Instant createdAt,
      Instant expiresAt,
      @Schema(nullable = true) UUID acceptedBy,
      @Schema(nullable = true, description = "When it was accepted or revoked") Instant decidedAt,
      @Schema(
              nullable = true,
              description =
                  "Only in the answer to its creation or resend, and only when it is not mailed"
                      + " (delivery NOT_MAILED): the link's secret, to pass on. A mailed link"
                      + " goes to the address alone. The platform keeps only its hash.")
          String token,
      @Schema(
              description =
                  "How it reaches the person. QUEUED: a node mails it in a moment (longer while"
                      + " the mail server is away; the answer to a creation says QUEUED);"
                      + " JOIN_LINK_MAILED: a mail with the link to accept; ACCOUNT_SETUP_MAILED:"
                      + " an account was made for the address, with a mail to set its password"
                      + " that leads to the invitation; NOT_MAILED: no mail server, pass the link"
                      + " on; FAILED: the mail could not be sent for an hour, send it again."
                      + " Absent for invitations made before deliveries were recorded.",
              enumeration = {
                "QUEUED",
                "JOIN_LINK_MAILED",
                "ACCOUNT_SETUP_MAILED",
                "NOT_MAILED",
                "FAILED"
              })
          String delivery) {
    static InvitationView of(Invitation i, Instant now, String token) {
      return new InvitationView(
          i.id(),
          i.workspaceId(),
          i.email(),
          i.role(),
          i.statusAt(now).name(),
          i.invitedBy(),
          i.createdAt(),
          i.expiresAt(),
          i.acceptedBy(),
          i.decidedAt(),
          token,
          i.delivery() == null ? null : i.delivery().name());
    }
  }

  @Schema(name = "CreateInvitation")
  public record CreateInvitationRequest(
      @Schema(required = true, example = "grace@example.com") String email,
      @Schema(
              required = true,
              enumeration = {"ADMIN", "MEMBER", "VIEWER"})
          String role,
      @Schema(description = "Days the invitation holds; 7 when not given")
          @Min(value = 1, message = "must be between 1 and " + InvitationService.MAX_VALIDITY_DAYS)
          @Max(
              value = InvitationService.MAX_VALIDITY_DAYS,
              message = "must be between 1 and " + InvitationService.MAX_VALIDITY_DAYS)
          Integer expiresInDays)
      implements CheckedBody<NewInvitation> {
    @Override
    public NewInvitation value(Validation validation) {
      return new NewInvitation(
          validation.check(() -> EmailAddress.of("email", email)),
          validation.check(() -> WorkspaceRole.parse("role", role)),
          expiresInDays == null
              ? InvitationService.DEFAULT_VALIDITY
              : Duration.ofDays(expiresInDays));
    }
  }

  /** An invitation to send, its parts valid. */
  record NewInvitation(EmailAddress email, WorkspaceRole role, Duration validity) {}

  @GET
  @Operation(
      operationId = "listWorkspaceInvitations",
      summary = "List the workspace's invitations (ADMIN)")
  @APIResponse(responseCode = "200")
  public List<InvitationView> list(@PathParam("id") String id) {
    Instant now = clock.instant();
    return invitations
        .list(request.tenant(), request.caller(), WorkspaceRequests.workspaceId(id))
        .stream()
        .map(i -> InvitationView.of(i, now, null))
        .toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "createWorkspaceInvitation",
      summary = "Invite an e-mail address to the workspace (ADMIN)",
      description =
          "Queues the invitation, and a node mails the address the link to accept right after"
              + " (delivery QUEUED, then JOIN_LINK_MAILED in the list); an address without an"
              + " account gets one (the tenant's guest role) and a mail to set its password that"
              + " leads to the invitation (ACCOUNT_SETUP_MAILED). Without a mail server the"
              + " answer carries the link's token, shown this once (NOT_MAILED). Members are not"
              + " invited (409): change their role instead.")
  @RequestBody(
      content =
          @Content(
              examples =
                  @ExampleObject(
                      name = "member",
                      value = "{\"email\":\"grace@example.com\",\"role\":\"MEMBER\"}")))
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = InvitationView.class)))
  @APIResponse(
      responseCode = "409",
      description = "The address is already a member's (workspace-member-exists)")
  public Response create(
      @PathParam("id") String id, CreateInvitationRequest body, @Context UriInfo uri) {
    NewInvitation wanted = bodies.value(body, "a JSON object with email and role is required");
    InvitationService.Issued issued =
        invitations.invite(
            request.tenant(),
            request.caller(),
            WorkspaceRequests.workspaceId(id),
            wanted.email().value(),
            wanted.role(),
            wanted.validity());
    return Response.created(
            uri.getAbsolutePathBuilder().path(issued.invitation().id().toString()).build())
        .entity(InvitationView.of(issued.invitation(), clock.instant(), issued.token()))
        .build();
  }

  @POST
  @Path("{invitationId}/revoke")
  @Operation(
      operationId = "revokeWorkspaceInvitation",
      summary = "Revoke a pending invitation (ADMIN)")
  @APIResponse(
      responseCode = "200",
      description = "Revoked",
      content = @Content(schema = @Schema(implementation = InvitationView.class)))
  @APIResponse(responseCode = "409", description = "Already accepted")
  public InvitationView revoke(
      @PathParam("id") String id, @PathParam("invitationId") String invitationId) {
    Invitation revoked =
        invitations.revoke(
            request.tenant(),
            request.caller(),
            WorkspaceRequests.workspaceId(id),
            PathIds.of(invitationId, WorkspaceProblems.INVITATION_NOT_FOUND, "invitation"));
    return InvitationView.of(revoked, clock.instant(), null);
  }

  @POST
  @Path("{invitationId}/resend")
  @Operation(
      operationId = "resendWorkspaceInvitation",
      summary = "Send a pending or expired invitation again (ADMIN)",
      description =
          "A new link, valid 7 days from now, is queued to be mailed (or returned as token when"
              + " no mail server is configured); the previous link stops working.")
  @APIResponse(
      responseCode = "200",
      description = "Sent again",
      content = @Content(schema = @Schema(implementation = InvitationView.class)))
  @APIResponse(responseCode = "409", description = "Already accepted")
  @APIResponse(responseCode = "410", description = "Revoked or declined")
  public InvitationView resend(
      @PathParam("id") String id, @PathParam("invitationId") String invitationId) {
    InvitationService.Issued issued =
        invitations.resend(
            request.tenant(),
            request.caller(),
            WorkspaceRequests.workspaceId(id),
            PathIds.of(invitationId, WorkspaceProblems.INVITATION_NOT_FOUND, "invitation"));
    return InvitationView.of(issued.invitation(), clock.instant(), issued.token());
  }
}
