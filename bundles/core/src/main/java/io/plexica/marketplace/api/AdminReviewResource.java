package io.plexica.marketplace.api;

import io.plexica.marketplace.app.Reviews;
import io.plexica.marketplace.domain.Review;
import io.plexica.marketplace.domain.ReviewStore;
import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.problem.Validation;
import io.plexica.shared.query.PageRequest;
import io.plexica.shared.security.PlatformAdminOnly;
import io.plexica.shared.web.PageParameters;
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
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Moderation of the marketplace's reviews, for platform administrators: read, hide, show. */
@ApplicationScoped
@PlatformAdminOnly
@Path("/admin/plugin-reviews")
@Tag(name = "Plugin registry")
@Produces(MediaType.APPLICATION_JSON)
public class AdminReviewResource {
  @Inject Reviews reviews;

  @Schema(name = "ModeratedReview")
  public record ModeratedView(
      String pluginId,
      @Schema(description = "The tenant that wrote it (never shown to other tenants)")
          String tenantSlug,
      int rating,
      String text,
      String version,
      @Schema(description = "The tenant administrator who wrote it last") UUID authorId,
      Instant createdAt,
      Instant updatedAt,
      @Schema(nullable = true, description = "When it was hidden; absent while shown")
          Instant hiddenAt,
      @Schema(nullable = true) String hiddenReason,
      @Schema(nullable = true, description = "The plugin's vendor's reply") String reply) {

    static ModeratedView of(Review r) {
      return new ModeratedView(
          r.pluginId(),
          r.tenantSlug(),
          r.rating(),
          r.text(),
          r.pluginVersion(),
          r.authorId(),
          r.createdAt(),
          r.updatedAt(),
          r.hiddenAt().orElse(null),
          r.hiddenReason().orElse(null),
          r.reply().orElse(null));
    }
  }

  @Schema(name = "ModeratedReviewPage")
  public record ModeratedPageView(List<ModeratedView> items, int page, int size, long total) {}

  @Schema(name = "HideReview")
  public record HideRequest(
      @Schema(
              required = true,
              maxLength = 500,
              description = "Why, in words the tenant that wrote it will read",
              example = "Contains a customer's personal data.")
          String reason) {}

  @GET
  @Operation(
      operationId = "adminListPluginReviews",
      summary = "Reviews of every plugin (or one), newest first, hidden ones included")
  @APIResponse(responseCode = "200")
  @APIResponse(responseCode = "400", description = "A bad filter or page")
  public ModeratedPageView list(
      @Parameter(description = "Only this plugin's") @QueryParam("pluginId") String pluginId,
      @Parameter(
              description = "true: only hidden ones; false: only shown ones; absent: both",
              schema = @Schema(type = SchemaType.BOOLEAN))
          @QueryParam("hidden")
          String hidden,
      @BeanParam PageParameters paging) {
    Validation validation = new Validation();
    PageRequest page = PageRequest.parse(validation, paging.page(), paging.size());
    Optional<Boolean> onlyHidden = Optional.empty();
    if (hidden != null && !hidden.isBlank()) {
      if (!hidden.equals("true") && !hidden.equals("false")) {
        validation.reject("hidden", "must be true or false");
      } else {
        onlyHidden = Optional.of(Boolean.parseBoolean(hidden));
      }
    }
    validation.throwIfInvalid();
    ReviewStore.ReviewPage found =
        reviews.all(Optional.ofNullable(pluginId).filter(p -> !p.isBlank()), onlyHidden, page);
    return new ModeratedPageView(
        found.items().stream().map(ModeratedView::of).toList(),
        page.page(),
        page.size(),
        found.total());
  }

  @POST
  @Path("{pluginId}/{tenantSlug}/hide")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "adminHidePluginReview",
      summary = "Hide a review, saying why",
      description =
          "It leaves the plugin's rating and every other tenant's view; its tenant sees it with"
              + " the reason.")
  @APIResponse(responseCode = "200")
  @APIResponse(responseCode = "404", description = "No such tenant, or no review of it")
  public ModeratedView hide(
      @PathParam("pluginId") String pluginId,
      @PathParam("tenantSlug") String tenantSlug,
      HideRequest body) {
    if (body == null) {
      throw ProblemException.invalid("reason", "is required");
    }
    return ModeratedView.of(reviews.hide(pluginId, tenantSlug, body.reason()));
  }

  @POST
  @Path("{pluginId}/{tenantSlug}/show")
  @Operation(operationId = "adminShowPluginReview", summary = "Show a hidden review again")
  @APIResponse(responseCode = "200")
  @APIResponse(responseCode = "404", description = "No such tenant, or no review of it")
  public ModeratedView show(
      @PathParam("pluginId") String pluginId, @PathParam("tenantSlug") String tenantSlug) {
    return ModeratedView.of(reviews.show(pluginId, tenantSlug));
  }
}
