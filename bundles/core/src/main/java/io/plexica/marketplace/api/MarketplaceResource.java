package io.plexica.marketplace.api;

import io.plexica.identity.api.CurrentIdentity;
import io.plexica.marketplace.app.Marketplace;
import io.plexica.marketplace.app.Marketplace.PluginPage;
import io.plexica.marketplace.app.Marketplace.TenantResults;
import io.plexica.marketplace.app.Reviews;
import io.plexica.marketplace.domain.MarketplaceQuery;
import io.plexica.marketplace.domain.MarketplaceResults;
import io.plexica.marketplace.domain.Review;
import io.plexica.marketplace.domain.ReviewStore;
import io.plexica.plugins.api.PluginInstallationResource.RequirementView;
import io.plexica.plugins.api.PluginUiFileResource;
import io.plexica.plugins.domain.PluginManifest;
import io.plexica.shared.json.JsonText;
import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.problem.Validation;
import io.plexica.shared.query.PageRequest;
import io.plexica.shared.security.RequiresPermission;
import io.plexica.shared.web.PageParameters;
import io.plexica.tenancy.context.CurrentTenant;
import io.plexica.tenancy.context.TenantScoped;
import io.plexica.tenancy.domain.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The marketplace as a tenant sees it: the published plugins, searched, filtered and paged, and
 * their ratings and reviews.
 */
@ApplicationScoped
@Path("/marketplace/plugins")
@Tag(name = "Marketplace")
@TenantScoped
@Produces(MediaType.APPLICATION_JSON)
public class MarketplaceResource {
  @Inject Marketplace marketplace;
  @Inject CurrentTenant tenant;
  @Inject Reviews reviews;
  @Inject CurrentIdentity identity;

  @Schema(name = "MarketplacePlugin")
  public record ListingView(
      @Schema(example = "crm") String id,
      String name,
      String vendor,
      String category,
      String description,
      List<String> tags,
      @Schema(description = "The version a new installation gets") String currentVersion,
      @Schema(description = "How many tenants have it installed") int installs,
      Instant updatedAt,
      @Schema(
              nullable = true,
              description = "The version this tenant has installed; absent when it has none")
          String installedVersion,
      @Schema(
              nullable = true,
              description = "The mean of its visible ratings (1 to 5); absent without any")
          Double rating,
      @Schema(description = "How many tenants rated it") int ratings) {}

  @Schema(name = "MarketplaceFacetValue")
  public record CountView(String value, long count) {}

  @Schema(
      name = "MarketplaceFacets",
      description =
          "Per filter, its values among the plugins the words and the other filters leave, most"
              + " frequent first (at most 20 each); empty for those not asked for")
  public record FacetsView(
      List<CountView> categories, List<CountView> vendors, List<CountView> tags) {}

  @Schema(name = "MarketplacePage")
  public record PageView(
      List<ListingView> items,
      @Schema(description = "Zero-based page number") int page,
      int size,
      @Schema(description = "Plugins matching the words and filters, on all pages") long total,
      FacetsView facets) {}

  @GET
  @RequiresPermission("plugins:read")
  @Operation(
      operationId = "searchMarketplace",
      summary = "Search the marketplace",
      description =
          "Full-text search over name, id, vendor, category, tags and description (each word"
              + " matched as the start of a word, all words required), ranked name first; filters"
              + " by category, vendor and tag with the counts to narrow by; paged.")
  @APIResponse(responseCode = "200")
  @APIResponse(
      responseCode = "400",
      description = "A bad filter, sort or page, or a search text over 200 characters")
  public PageView search(
      @Parameter(description = "Words to find, e.g. 'invoice pdf'", example = "crm")
          @QueryParam("q")
          String q,
      @Parameter(description = "A category id") @QueryParam("category") String category,
      @Parameter(description = "A vendor, exactly as listed") @QueryParam("vendor") String vendor,
      @Parameter(description = "A tag") @QueryParam("tag") String tag,
      @Parameter(
              description =
                  "relevance (the default with q), popular (the default without), rating, name or"
                      + " recent",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"relevance", "popular", "rating", "name", "recent"}))
          @QueryParam("sort")
          String sort,
      @BeanParam PageParameters paging,
      @Parameter(
              description =
                  "Which filters to count, separated by commas: category, vendor, tag (all when"
                      + " absent, none when empty); counting costs time on broad searches",
              example = "category")
          @QueryParam("facets")
          String facets) {
    MarketplaceQuery query =
        MarketplaceQuery.parse(
            q, category, vendor, tag, sort, paging.page(), paging.size(), facets);
    TenantResults found = marketplace.search(tenant.require(), query);
    MarketplaceResults results = found.results();
    return new PageView(
        results.items().stream()
            .map(
                l ->
                    new ListingView(
                        l.id(),
                        l.name(),
                        l.vendor(),
                        l.category(),
                        l.description(),
                        l.tags(),
                        l.currentVersion(),
                        l.installs(),
                        l.updatedAt(),
                        found.installed().get(l.id()),
                        l.rating().orElse(null),
                        l.ratings()))
            .toList(),
        query.page().page(),
        query.page().size(),
        results.total(),
        new FacetsView(
            counts(results.facets().categories()),
            counts(results.facets().vendors()),
            counts(results.facets().tags())));
  }

  @Schema(name = "MarketplacePermission")
  public record PermissionView(
      @Schema(example = "crm:contacts:read") String name, String description) {}

  @Schema(name = "MarketplacePluginVersion")
  public record VersionView(
      @Schema(example = "1.2.0") String version,
      Instant deployedAt,
      @Schema(description = "The SDK versions it was built for (OSGi range)", example = "[1.1,2)")
          String sdk,
      @Schema(
              description =
                  "What the plugin asks for: the permissions it declares, which this tenant's"
                      + " roles can then be given")
          List<PermissionView> permissions,
      @Schema(
              nullable = true,
              description = "JSON Schema of the configuration to install it with; absent if none")
          JsonObject configSchema,
      @Schema(description = "What installing this version needs in this tenant, depth first")
          List<RequirementView> requires,
      @Schema(nullable = true, description = "What the version changes, in its vendor's words")
          String changelog,
      @Schema(description = "Addresses of the version's screenshots (plugin UI files)")
          List<String> screenshots) {}

  @Schema(name = "MarketplacePluginDetail")
  public record DetailView(
      String id,
      String name,
      String vendor,
      String category,
      String description,
      List<String> tags,
      @Schema(nullable = true, description = "The plugin's icon, as its manifest names it")
          String icon,
      int installs,
      @Schema(nullable = true, description = "The mean of its visible ratings; absent without any")
          Double rating,
      @Schema(description = "How many tenants rated it") int ratings,
      String currentVersion,
      @Schema(nullable = true, description = "The version this tenant has installed, if any")
          String installedVersion,
      @Schema(description = "Every deployed version, newest first") List<VersionView> versions) {}

  @GET
  @Path("{pluginId}")
  @RequiresPermission("plugins:read")
  @Operation(
      operationId = "getMarketplacePlugin",
      summary = "A plugin's page in the marketplace",
      description =
          "Every deployed version with the permissions it asks for, its configuration schema and"
              + " what installing it needs in this tenant.")
  @APIResponse(responseCode = "200")
  @APIResponse(responseCode = "404", description = "No such plugin in the marketplace")
  public DetailView plugin(@PathParam("pluginId") String pluginId) {
    PluginPage page = marketplace.plugin(tenant.require(), pluginId);
    MarketplaceResults.Listing l = page.listing();
    return new DetailView(
        l.id(),
        l.name(),
        l.vendor(),
        l.category(),
        l.description(),
        l.tags(),
        page.versions().stream()
            .filter(v -> v.manifest().version().equals(l.currentVersion()))
            .findFirst()
            .flatMap(v -> v.manifest().icon())
            .orElse(null),
        l.installs(),
        l.rating().orElse(null),
        l.ratings(),
        l.currentVersion(),
        page.installedVersion().orElse(null),
        page.versions().stream().map(MarketplaceResource::version).toList());
  }

  @Schema(name = "PluginReview")
  public record ReviewView(
      @Schema(minimum = "1", maximum = "5") int rating,
      String text,
      @Schema(description = "The version the tenant ran when it wrote the review") String version,
      Instant createdAt,
      Instant updatedAt,
      @Schema(description = "Whether the caller's tenant wrote it") boolean mine,
      @Schema(
              nullable = true,
              description =
                  "Only on the caller's own review, when a platform administrator hid it: why."
                      + " A hidden review is shown to no other tenant and leaves the rating.")
          String hiddenReason,
      @Schema(nullable = true, description = "The plugin's vendor's reply, when it gave one")
          String reply,
      @Schema(nullable = true) Instant repliedAt) {

    static ReviewView of(Review review, UUID viewer) {
      boolean mine = review.tenantId().equals(viewer);
      return new ReviewView(
          review.rating(),
          review.text(),
          review.pluginVersion(),
          review.createdAt(),
          review.updatedAt(),
          mine,
          mine ? review.hiddenReason().orElse(null) : null,
          review.reply().orElse(null),
          review.repliedAt().orElse(null));
    }
  }

  @Schema(name = "PluginRating")
  public record RatingView(
      @Schema(nullable = true, description = "The mean of the visible ratings; absent without any")
          Double average,
      long count,
      @Schema(description = "How many visible ratings of 1, 2, 3, 4 and 5, in that order")
          List<Long> distribution) {

    static RatingView of(ReviewStore.RatingSummary summary) {
      return new RatingView(
          summary.average().map(a -> Math.round(a * 10) / 10.0).orElse(null),
          summary.count(),
          java.util.Arrays.stream(summary.counts()).boxed().toList());
    }
  }

  @Schema(name = "PluginReviewPage")
  public record ReviewPageView(
      List<ReviewView> items, int page, int size, long total, RatingView rating) {}

  @Schema(name = "WriteReview")
  public record ReviewRequest(
      @Schema(required = true, minimum = "1", maximum = "5", example = "4") Integer rating,
      @Schema(maxLength = 2000, example = "Does what it says; the export could be faster.")
          String text) {}

  @GET
  @Path("{pluginId}/reviews")
  @RequiresPermission("plugins:read")
  @Operation(
      operationId = "listPluginReviews",
      summary = "A plugin's reviews, newest first, with its rating",
      description =
          "Reviews name no tenant. The caller's tenant's own review is among them even when a"
              + " platform administrator hid it, with the reason.")
  @APIResponse(responseCode = "200")
  @APIResponse(responseCode = "404", description = "No such plugin in the marketplace")
  public ReviewPageView reviews(
      @PathParam("pluginId") String pluginId, @BeanParam PageParameters paging) {
    Validation validation = new Validation();
    PageRequest page = PageRequest.parse(validation, paging.page(), paging.size());
    validation.throwIfInvalid();
    TenantRef viewer = tenant.require();
    ReviewStore.ReviewPage found = reviews.read(viewer, pluginId, page);
    return new ReviewPageView(
        found.items().stream().map(r -> ReviewView.of(r, viewer.id())).toList(),
        page.page(),
        page.size(),
        found.total(),
        RatingView.of(found.summary()));
  }

  @GET
  @Path("{pluginId}/review")
  @RequiresPermission("plugins:read")
  @Operation(operationId = "getOwnPluginReview", summary = "The caller's tenant's review")
  @APIResponse(responseCode = "200")
  @APIResponse(responseCode = "404", description = "No such plugin, or this tenant wrote none")
  public ReviewView ownReview(@PathParam("pluginId") String pluginId) {
    TenantRef own = tenant.require();
    return ReviewView.of(reviews.own(own, pluginId), own.id());
  }

  @PUT
  @Path("{pluginId}/review")
  @RequiresPermission("plugins:manage")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "writePluginReview",
      summary = "Rate and review a plugin this tenant installed",
      description =
          "One review per tenant: writing again replaces it. A review a platform administrator"
              + " hid stays hidden when edited.")
  @APIResponse(responseCode = "200")
  @APIResponse(responseCode = "404", description = "No such plugin in the marketplace")
  @APIResponse(responseCode = "409", description = "The plugin is not installed in this tenant")
  public ReviewView writeReview(@PathParam("pluginId") String pluginId, ReviewRequest body) {
    if (body == null) {
      throw ProblemException.invalid("rating", "is required");
    }
    TenantRef own = tenant.require();
    return ReviewView.of(
        reviews.write(own, identity.access().userId(), pluginId, body.rating(), body.text()),
        own.id());
  }

  @DELETE
  @Path("{pluginId}/review")
  @RequiresPermission("plugins:manage")
  @Operation(operationId = "deletePluginReview", summary = "Delete this tenant's review")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "404", description = "No such plugin, or this tenant wrote none")
  public Response deleteReview(@PathParam("pluginId") String pluginId) {
    reviews.delete(tenant.require(), pluginId);
    return Response.noContent().build();
  }

  private static VersionView version(Marketplace.VersionPage v) {
    PluginManifest manifest = v.manifest();
    return new VersionView(
        manifest.version(),
        v.deployedAt(),
        manifest.sdkRange(),
        manifest.permissions().stream()
            .map(p -> new PermissionView(p.name(), p.description()))
            .toList(),
        manifest.configSchemaJson().map(JsonText::object).orElse(null),
        v.requirements().stream().map(RequirementView::of).toList(),
        manifest.changelog().orElse(null),
        manifest.screenshots().stream()
            .map(
                file ->
                    PluginUiFileResource.url(
                        manifest.id(), manifest.version(), file.substring("ui/".length())))
            .toList());
  }

  private static List<CountView> counts(List<MarketplaceResults.Count> counts) {
    return counts.stream().map(c -> new CountView(c.value(), c.count())).toList();
  }
}
