package io.plexica.marketplace.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A tenant's rating (1 to 5) and review of a plugin: one per tenant and plugin, made by one of its
 * administrators while the tenant had the plugin installed, at the version it ran. {@code hiddenAt}
 * is set when a platform administrator hid it, with the reason they gave.
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
    Optional<String> hiddenReason) {

  public static final int MAX_TEXT = 2000;
  public static final int MAX_REASON = 500;

  public boolean hidden() {
    return hiddenAt.isPresent();
  }
}
