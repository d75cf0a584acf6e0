package io.plexica.vendors.api;

import io.plexica.identity.api.CurrentIdentity;
import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.security.PlatformAdminOnly;
import io.plexica.shared.web.PageParameters;
import io.plexica.vendors.api.VendorViews.RejectRequest;
import io.plexica.vendors.api.VendorViews.SubmissionPageView;
import io.plexica.vendors.api.VendorViews.SubmissionView;
import io.plexica.vendors.app.Publishing;
import io.plexica.vendors.domain.Submission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The review queue of vendors' submissions, for platform administrators: approve or reject. */
@ApplicationScoped
@PlatformAdminOnly
@Path("/admin/plugin-submissions")
@Tag(name = "Plugin vendors")
@Produces(MediaType.APPLICATION_JSON)
public class AdminSubmissionResource {
  @Inject Publishing publishing;
  @Inject CurrentIdentity identity;

  @GET
  @Operation(
      operationId = "adminListPluginSubmissions",
      summary = "Submissions: the pending ones oldest first (the queue), the others newest first")
  @APIResponse(responseCode = "200")
  @APIResponse(responseCode = "400", description = "A bad filter or page")
  public SubmissionPageView list(
      @Parameter(description = "PENDING, APPROVED, REJECTED or WITHDRAWN") @QueryParam("status")
          String status,
      @Parameter(description = "Only this vendor's") @QueryParam("vendor") String vendor,
      @BeanParam PageParameters paging) {
    VendorViews.SubmissionFilter filter = VendorViews.SubmissionFilter.of(status, paging);
    return SubmissionPageView.of(
        publishing.submissions(
            Optional.ofNullable(vendor).filter(v -> !v.isBlank()), filter.status(), filter.page()),
        filter.page(),
        true);
  }

  @GET
  @Path("{id}")
  @Operation(operationId = "adminGetPluginSubmission", summary = "A submission with its manifest")
  @APIResponse(responseCode = "200")
  @APIResponse(responseCode = "404", description = "No such submission")
  public SubmissionView get(@PathParam("id") String id) {
    return SubmissionView.of(publishing.get(VendorViews.submissionId(id)), true);
  }

  @GET
  @Path("{id}/bundle")
  @Produces("application/java-archive")
  @Operation(
      operationId = "adminDownloadPluginSubmission",
      summary = "The submitted bundle, signed, to inspect before approving")
  @APIResponse(
      responseCode = "200",
      description = "The jar as the vendor uploaded it",
      content =
          @Content(
              mediaType = "application/java-archive",
              schema = @Schema(type = SchemaType.STRING, format = "binary")))
  @APIResponse(responseCode = "404", description = "No such submission")
  public Response bundle(@PathParam("id") String id) {
    UUID submission = VendorViews.submissionId(id);
    Submission found = publishing.get(submission);
    return Response.ok(publishing.bundle(submission))
        .header(
            "Content-Disposition",
            "attachment; filename=\"" + found.pluginId() + "-" + found.version() + ".jar\"")
        .build();
  }

  @POST
  @Path("{id}/approve")
  @Operation(
      operationId = "adminApprovePluginSubmission",
      summary = "Approve: the version is deployed as its vendor's and tenants can install it",
      description =
          "The bundle is checked again first: unchanged since it was uploaded, signed by a key"
              + " its vendor still has, and everything a deploy checks against the registry as it"
              + " is now. A submission that fails stays pending, to be rejected with the reason.")
  @APIResponse(
      responseCode = "200",
      description = "Approved and deployed",
      content = @Content(schema = @Schema(implementation = SubmissionView.class)))
  @APIResponse(responseCode = "400", description = "The bundle does not start, or its signature")
  @APIResponse(responseCode = "404", description = "No such submission")
  @APIResponse(
      responseCode = "409",
      description = "Decided already, or the registry refuses it now (version, dependency)")
  public SubmissionView approve(@PathParam("id") String id) {
    UUID submission = VendorViews.submissionId(id);
    publishing.approve(submission, identity.require().username());
    return SubmissionView.of(publishing.get(submission), true);
  }

  @POST
  @Path("{id}/reject")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "adminRejectPluginSubmission",
      summary = "Reject with a reason the vendor reads")
  @APIResponse(responseCode = "200")
  @APIResponse(responseCode = "400", description = "No reason")
  @APIResponse(responseCode = "404", description = "No such submission")
  @APIResponse(responseCode = "409", description = "Decided already")
  public SubmissionView reject(@PathParam("id") String id, RejectRequest body) {
    if (body == null) {
      throw ProblemException.invalid("reason", "is required: the vendor reads why");
    }
    String reason = body.value();
    return SubmissionView.of(
        publishing.reject(VendorViews.submissionId(id), reason, identity.require().username()),
        true);
  }
}
