package io.plexica.shared.id;

import java.util.Optional;
import java.util.UUID;

/**
 * Reads a UUID only in its canonical 36-character form. {@link UUID#fromString} also accepts
 * shorter forms such as {@code a-b-c-d-e}, which are valid slugs and names; text that could be
 * either must never be taken for an id.
 */
public final class CanonicalUuid {
  private CanonicalUuid() {}

  public static Optional<UUID> parse(String text) {
    if (text == null || text.length() != 36) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
