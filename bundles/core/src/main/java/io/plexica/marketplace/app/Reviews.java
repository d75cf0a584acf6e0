package io.plexica.marketplace.app;

import io.plexica.marketplace.domain.Review;
import io.plexica.marketplace.domain.ReviewStore;
import io.plexica.marketplace.domain.ReviewStore.ReviewPage;
import io.plexica.plugins.domain.PluginInstallation;
import io.plexica.plugins.domain.PluginProblems;
import io.plexica.plugins.domain.PluginStore;
import io.plexica.plugins.domain.RegisteredPlugin;
import io.plexica.shared.problem.FieldRules;
import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.problem.ProblemType;
import io.plexica.shared.query.PageRequest;
import io.plexica.tenancy.domain.Tenant;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.tenancy.domain.TenantRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Ratings and reviews of plugins: a tenant's administrators rate the plugins their tenant has
 * installed, once per tenant (writing again replaces the tenant's review); every tenant reads them
 * without learning which tenant wrote which; a platform administrator hides what breaks the rules,
 * with a reason the writing tenant sees.
 */
public class Reviews {
  public static final ProblemType NOT_INSTALLED =
      new ProblemType(
          "review-needs-installation", 409, "Only a tenant that installed the plugin reviews it");
  public static final ProblemType NOT_FOUND =
      new ProblemType("review-not-found", 404, "No such review");

  private final ReviewStore store;
  private final PluginStore plugins;
  private final TenantRepository tenants;
  private final Clock clock;

  public Reviews(ReviewStore store, PluginStore plugins, TenantRepository tenants, Clock clock) {
    this.store = store;
    this.plugins = plugins;
    this.tenants = tenants;
    this.clock = clock;
  }

  /** The plugin's reviews as {@code viewer} sees them (its own even when hidden). */
  public ReviewPage read(TenantRef viewer, String pluginId, PageRequest page) {
    listed(pluginId);
    return store.visible(pluginId, viewer.id(), page);
  }

  /** The tenant's own review of the plugin; refused when it wrote none. */
  public Review own(TenantRef tenant, String pluginId) {
    listed(pluginId);
    return store.find(pluginId, tenant.id()).orElseThrow(() -> noneBy(pluginId));
  }

  /**
   * Writes the tenant's review (or replaces its earlier one, whose first date the store keeps);
   * refused unless the tenant has the plugin installed. A hidden review stays hidden when edited: a
   * platform administrator decides when it is shown again.
   */
  public Review write(TenantRef tenant, UUID author, String pluginId, Integer rating, String text) {
    listed(pluginId);
    if (rating == null || rating < 1 || rating > 5) {
      throw ProblemException.invalid("rating", "must be a whole number from 1 to 5");
    }
    String body =
        Optional.ofNullable(FieldRules.optionalText("text", text, Review.MAX_TEXT))
            .map(String::strip)
            .orElse("");
    PluginInstallation installation =
        plugins
            .installation(tenant.id(), pluginId)
            .orElseThrow(
                () ->
                    new ProblemException(
                        NOT_INSTALLED,
                        "Plugin '"
                            + pluginId
                            + "' is not installed in this tenant; a tenant reviews the plugins it"
                            + " installed."));
    Instant now = clock.instant();
    store.save(
        new Review(
            pluginId,
            tenant.id(),
            tenant.slug(),
            rating,
            body,
            installation.pluginVersion(),
            author,
            now,
            now,
            Optional.empty(),
            Optional.empty()));
    return store.find(pluginId, tenant.id()).orElseThrow();
  }

  public void delete(TenantRef tenant, String pluginId) {
    listed(pluginId);
    if (!store.delete(pluginId, tenant.id())) {
      throw noneBy(pluginId);
    }
  }

  /** Every review (or one plugin's), hidden or not, for a platform administrator. */
  public ReviewPage all(Optional<String> pluginId, Optional<Boolean> hidden, PageRequest page) {
    return store.all(pluginId, hidden, page);
  }

  /**
   * The plugin's vendor replies to a review (or changes its reply): shown with the review to every
   * tenant. The caller has checked that the plugin is the vendor's.
   */
  public Review reply(String pluginId, UUID reviewId, String text) {
    String reply =
        Optional.ofNullable(FieldRules.optionalText("text", text, Review.MAX_TEXT))
            .map(String::strip)
            .filter(t -> !t.isEmpty())
            .orElseThrow(() -> ProblemException.invalid("text", "is required"));
    if (!store.reply(pluginId, reviewId, Optional.of(reply), clock.instant())) {
      throw noReview(pluginId, reviewId);
    }
    return store.byId(pluginId, reviewId).orElseThrow();
  }

  /** The vendor takes its reply back. */
  public void removeReply(String pluginId, UUID reviewId) {
    if (!store.reply(pluginId, reviewId, Optional.empty(), clock.instant())) {
      throw noReview(pluginId, reviewId);
    }
  }

  private static ProblemException noReview(String pluginId, UUID reviewId) {
    return new ProblemException(
        NOT_FOUND, "Plugin '" + pluginId + "' has no review with id " + reviewId + ".");
  }

  /** Hides a tenant's review of a plugin, with the reason its tenant will read. */
  public Review hide(String pluginId, String tenantSlug, String reason) {
    String why = FieldRules.requiredName("reason", reason, Review.MAX_REASON);
    UUID tenantId = tenantId(tenantSlug);
    if (!store.moderate(pluginId, tenantId, Optional.of(clock.instant()), why)) {
      throw notFound(pluginId, tenantSlug);
    }
    return store.find(pluginId, tenantId).orElseThrow();
  }

  /** Shows a hidden review again. */
  public Review show(String pluginId, String tenantSlug) {
    UUID tenantId = tenantId(tenantSlug);
    if (!store.moderate(pluginId, tenantId, Optional.empty(), null)) {
      throw notFound(pluginId, tenantSlug);
    }
    return store.find(pluginId, tenantId).orElseThrow();
  }

  private UUID tenantId(String slug) {
    return tenants
        .findBySlug(slug)
        .map(Tenant::id)
        .orElseThrow(
            () -> new ProblemException(NOT_FOUND, "No tenant has the slug '" + slug + "'."));
  }

  /** Reviews belong to the published plugins: a deprecated or unknown one has none to show. */
  private void listed(String pluginId) {
    plugins
        .find(pluginId)
        .filter(p -> p.status() == RegisteredPlugin.Status.ACTIVE)
        .orElseThrow(() -> PluginProblems.notFound(pluginId));
  }

  private static ProblemException noneBy(String pluginId) {
    return new ProblemException(
        NOT_FOUND, "This tenant has no review of plugin '" + pluginId + "'.");
  }

  private static ProblemException notFound(String pluginId, String tenantSlug) {
    return new ProblemException(
        NOT_FOUND, "Tenant '" + tenantSlug + "' has no review of plugin '" + pluginId + "'.");
  }
}
