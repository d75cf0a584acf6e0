package io.plexica.shared.id;

import java.util.UUID;

/**
 * Nullable {@code uuid} columns are mapped as text fields: EclipseLink 4.0's UUID converter fails
 * on SQL NULL. PostgreSQL casts the text (the connection sends strings untyped).
 */
public final class NullableUuid {
  private NullableUuid() {}

  public static String text(UUID id) {
    return id == null ? null : id.toString();
  }

  public static UUID uuid(String id) {
    return id == null ? null : UUID.fromString(id);
  }
}
