package io.plexica.marketplace.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A tenant's rating (1 to 5) and review of a plugin: one per tenant and plugin, made by one of its
 * administrators while the tenant had the plugin installed, at the version it ran. {@code hiddenAt}
 * is set when a platform administrator hid it, with the reason they gave. The plugin's vendor may
 * reply to it once ({@code reply}, editable), shown with it to every tenant.
 */
public record Review(
    String pluginId,
    UUID tenantId,
    String tenantSlug,
    int rating,
    String text,
    String pluginVersion,
    UUID authorId,
    Instant createdAt,
    Instant updatedAt,
    Optional<Instant> hiddenAt,
    Optional<String> hiddenReason,
    UUID id,
    Optional<String> reply,
    Optional<Instant> repliedAt) {

  /** A review as a tenant writes it: a new id (an earlier review of the tenant keeps its own). */
  public Review(
      String pluginId,
      UUID tenantId,
      String tenantSlug,
      int rating,
      String text,
      String pluginVersion,
      UUID authorId,
      Instant createdAt,
      Instant updatedAt,
      Optional<Instant> hiddenAt,
      Optional<String> hiddenReason) {
    this(
        pluginId,
        tenantId,
        tenantSlug,
        rating,
        text,
        pluginVersion,
        authorId,
        createdAt,
        updatedAt,
        hiddenAt,
        hiddenReason,
        UUID.randomUUID(),
        Optional.empty(),
        Optional.empty());
  }

  public static final int MAX_TEXT = 2000;
  public static final int MAX_REASON = 500;

  public boolean hidden() {
    return hiddenAt.isPresent();
  }
}
