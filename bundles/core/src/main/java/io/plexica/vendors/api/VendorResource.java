package io.plexica.vendors.api;

import io.plexica.identity.api.CurrentIdentity;
import io.plexica.marketplace.app.Reviews;
import io.plexica.marketplace.domain.Review;
import io.plexica.marketplace.domain.ReviewStore;
import io.plexica.plugins.app.PluginDeployment;
import io.plexica.plugins.domain.PluginProblems;
import io.plexica.plugins.domain.RegisteredPlugin;
import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.problem.Validation;
import io.plexica.shared.query.PageRequest;
import io.plexica.shared.security.VendorOnly;
import io.plexica.shared.web.PageParameters;
import io.plexica.vendors.api.VendorViews.KeyRequest;
import io.plexica.vendors.api.VendorViews.KeyView;
import io.plexica.vendors.api.VendorViews.SubmissionPageView;
import io.plexica.vendors.api.VendorViews.SubmissionView;
import io.plexica.vendors.api.VendorViews.VendorView;
import io.plexica.vendors.app.Publishing;
import io.plexica.vendors.app.VendorAccounts;
import io.plexica.vendors.domain.Submission;
import io.plexica.vendors.domain.Vendor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A plugin vendor's own account: its signing keys, its plugins, its submissions. Every endpoint
 * acts for the caller's vendor alone; another vendor's submission is not found.
 */
@ApplicationScoped
@VendorOnly
@Path("/vendor")
@Tag(name = "Plugin vendors")
@Produces(MediaType.APPLICATION_JSON)
public class VendorResource {
  static final String BUNDLE = "application/java-archive";

  @Inject CurrentVendor vendor;
  @Inject CurrentIdentity identity;
  @Inject VendorAccounts vendors;
  @Inject Publishing publishing;
  @Inject PluginDeployment deployment;
  @Inject Reviews reviews;

  @GET
  @Operation(operationId = "getVendor", summary = "The caller's vendor, keys and plugins")
  @APIResponse(responseCode = "200")
  public VendorView me() {
    Vendor me = vendor.require();
    return VendorView.of(me, vendors.keys(me.id()), vendors.pluginsOf(me.id()));
  }

  @POST
  @Path("keys")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "addVendorKey",
      summary = "Register a certificate you sign bundles with",
      description =
          "An X.509 certificate in PEM that is valid now (keytool -exportcert -rfc -alias"
              + " <alias>); at most 5. The same certificate again changes nothing. Bundles signed"
              + " with its key (jarsigner) are then yours.")
  @APIResponse(
      responseCode = "201",
      description = "Registered",
      content = @Content(schema = @Schema(implementation = KeyView.class)))
  @APIResponse(responseCode = "400", description = "Not a PEM certificate, or not valid now")
  @APIResponse(responseCode = "409", description = "As many keys as allowed")
  public Response addKey(KeyRequest body, @Context UriInfo uri) {
    if (body == null) {
      throw ProblemException.invalid("certificate", "is required");
    }
    KeyView key = KeyView.of(vendors.addKey(vendor.require().id(), body.certificate()));
    return Response.created(uri.getAbsolutePathBuilder().path(key.fingerprint()).build())
        .entity(key)
        .build();
  }

  @DELETE
  @Path("keys/{fingerprint}")
  @Operation(
      operationId = "removeVendorKey",
      summary = "Remove a key: bundles signed with it are no longer yours",
      description = "Versions approved with it keep running.")
  @APIResponse(responseCode = "204", description = "Removed")
  @APIResponse(responseCode = "404", description = "No such key")
  public Response removeKey(@PathParam("fingerprint") String fingerprint) {
    vendors.removeKey(vendor.require().id(), fingerprint);
    return Response.noContent().build();
  }

  @Schema(name = "VendorPlugin")
  public record PluginView(
      String id,
      String name,
      RegisteredPlugin.Status status,
      String currentVersion,
      List<String> versions,
      @Schema(description = "How many tenants installed it") int installations,
      Instant updatedAt) {}

  @GET
  @Path("plugins")
  @Operation(operationId = "listVendorPlugins", summary = "Your published plugins")
  @APIResponse(responseCode = "200")
  public List<PluginView> plugins() {
    return vendors.pluginsOf(vendor.require().id()).stream()
        .map(deployment::get)
        .map(
            p ->
                new PluginView(
                    p.id(),
                    p.name(),
                    p.status(),
                    p.currentVersion(),
                    deployment.versions(p.id()),
                    deployment.tenantsUsing(p.id()).size(),
                    p.updatedAt()))
        .toList();
  }

  @Schema(name = "VendorReview")
  public record ReviewView(
      UUID id,
      @Schema(minimum = "1", maximum = "5") int rating,
      String text,
      @Schema(description = "The version the tenant ran when it wrote the review") String version,
      Instant createdAt,
      Instant updatedAt,
      @Schema(nullable = true) String reply,
      @Schema(nullable = true) Instant repliedAt) {
    static ReviewView of(Review r) {
      return new ReviewView(
          r.id(),
          r.rating(),
          r.text(),
          r.pluginVersion(),
          r.createdAt(),
          r.updatedAt(),
          r.reply().orElse(null),
          r.repliedAt().orElse(null));
    }
  }

  @Schema(name = "VendorReviewPage")
  public record ReviewPageView(List<ReviewView> items, int page, int size, long total) {}

  @Schema(name = "ReviewReply")
  public record ReplyRequest(
      @Schema(required = true, maxLength = Review.MAX_TEXT, example = "Thanks! 1.3 adds that.")
          String text) {}

  @GET
  @Path("plugins/{id}/reviews")
  @Operation(
      operationId = "listVendorPluginReviews",
      summary = "The shown reviews of one of your plugins, newest first, naming no tenant")
  @APIResponse(responseCode = "200")
  @APIResponse(responseCode = "404", description = "None of your plugins has this id")
  public ReviewPageView reviews(
      @PathParam("id") String pluginId, @BeanParam PageParameters paging) {
    Validation validation = new Validation();
    PageRequest page = PageRequest.parse(validation, paging.page(), paging.size());
    validation.throwIfInvalid();
    ReviewStore.ReviewPage found =
        reviews.all(Optional.of(ownPlugin(pluginId)), Optional.of(false), page);
    return new ReviewPageView(
        found.items().stream().map(ReviewView::of).toList(),
        page.page(),
        page.size(),
        found.total());
  }

  @PUT
  @Path("plugins/{id}/reviews/{reviewId}/reply")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "replyToReview",
      summary = "Reply to a review of your plugin, or change your reply",
      description = "Every tenant sees the reply under the review.")
  @APIResponse(responseCode = "200")
  @APIResponse(responseCode = "400", description = "No text, or too long")
  @APIResponse(responseCode = "404", description = "Not your plugin, or no such review of it")
  public ReviewView reply(
      @PathParam("id") String pluginId, @PathParam("reviewId") String reviewId, ReplyRequest body) {
    String plugin = ownPlugin(pluginId);
    return ReviewView.of(
        reviews.reply(plugin, reviewId(plugin, reviewId), body == null ? null : body.text()));
  }

  @DELETE
  @Path("plugins/{id}/reviews/{reviewId}/reply")
  @Operation(operationId = "removeReviewReply", summary = "Take back your reply to a review")
  @APIResponse(responseCode = "204", description = "Removed")
  @APIResponse(responseCode = "404", description = "Not your plugin, or no such review of it")
  public Response removeReply(
      @PathParam("id") String pluginId, @PathParam("reviewId") String reviewId) {
    String plugin = ownPlugin(pluginId);
    reviews.removeReply(plugin, reviewId(plugin, reviewId));
    return Response.noContent().build();
  }

  /** The id of one of the caller's plugins; another's is not found, as one that does not exist. */
  private String ownPlugin(String pluginId) {
    String vendorId = vendor.require().id();
    return deployment
        .find(pluginId)
        .filter(p -> p.vendorId().equals(Optional.of(vendorId)))
        .map(RegisteredPlugin::id)
        .orElseThrow(() -> PluginProblems.notFound(pluginId));
  }

  private static UUID reviewId(String pluginId, String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(
          Reviews.NOT_FOUND, "Plugin '" + pluginId + "' has no review with id " + id + ".");
    }
  }

  @POST
  @Path("submissions")
  @Consumes({BUNDLE, MediaType.APPLICATION_OCTET_STREAM})
  @Operation(
      operationId = "submitPlugin",
      summary = "Publish a signed bundle: checked now, then reviewed by the platform",
      description =
          "The bundle (up to 32 MiB) must pass what a deploy checks (plugin.json, SDK range,"
              + " permissions, dependencies deployed, a version higher than the published one),"
              + " be signed with a key you registered and unchanged since, and be a plugin you"
              + " publish or a new id. It then waits for a platform administrator.")
  @APIResponse(
      responseCode = "201",
      description = "Checked and waiting for review",
      content = @Content(schema = @Schema(implementation = SubmissionView.class)))
  @APIResponse(
      responseCode = "400",
      description = "Not a bundle, bad manifest, wrong SDK, not signed by your key, or changed")
  @APIResponse(responseCode = "403", description = "The plugin id is another publisher's")
  @APIResponse(
      responseCode = "409",
      description = "No key registered, version submitted or deployed, older, or a dependency")
  public Response submit(byte[] bundle, @Context UriInfo uri) {
    if (bundle == null || bundle.length == 0) {
      throw ProblemException.invalid("body", "the plugin's signed bundle (a jar) is required");
    }
    Submission made = publishing.submit(vendor.require(), bundle);
    return Response.created(uri.getAbsolutePathBuilder().path(made.id().toString()).build())
        .entity(SubmissionView.of(made, false))
        .build();
  }

  @GET
  @Path("submissions")
  @Operation(operationId = "listVendorSubmissions", summary = "Your submissions, newest first")
  @APIResponse(responseCode = "200")
  @APIResponse(responseCode = "400", description = "A bad filter or page")
  public SubmissionPageView submissions(
      @Parameter(description = "PENDING, APPROVED, REJECTED or WITHDRAWN") @QueryParam("status")
          String status,
      @BeanParam PageParameters paging) {
    VendorViews.SubmissionFilter filter = VendorViews.SubmissionFilter.of(status, paging);
    return SubmissionPageView.of(
        publishing.submissions(Optional.of(vendor.require().id()), filter.status(), filter.page()),
        filter.page(),
        false);
  }

  @GET
  @Path("submissions/{id}")
  @Operation(operationId = "getVendorSubmission", summary = "One of your submissions")
  @APIResponse(responseCode = "200")
  @APIResponse(responseCode = "404", description = "None of yours has this id")
  public SubmissionView submission(@PathParam("id") String id) {
    return SubmissionView.of(
        publishing.getOf(vendor.require(), VendorViews.submissionId(id)), false);
  }

  @POST
  @Path("submissions/{id}/withdraw")
  @Operation(
      operationId = "withdrawVendorSubmission",
      summary = "Take back a submission that waits for review")
  @APIResponse(responseCode = "200")
  @APIResponse(responseCode = "404", description = "None of yours has this id")
  @APIResponse(responseCode = "409", description = "Decided already")
  public SubmissionView withdraw(@PathParam("id") String id) {
    return SubmissionView.of(
        publishing.withdraw(
            vendor.require(), VendorViews.submissionId(id), identity.require().username()),
        false);
  }
}
