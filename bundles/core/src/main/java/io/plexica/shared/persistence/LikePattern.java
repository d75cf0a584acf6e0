package io.plexica.shared.persistence;

import java.util.Locale;

/** Search text as a {@code LIKE ... ESCAPE '\'} pattern: wildcards in the text match themselves. */
public final class LikePattern {
  private LikePattern() {}

  /** Lower-cased, escaped and wrapped in {@code %}, to match anywhere in a lower-cased column. */
  public static String contains(String text) {
    return "%"
        + text.toLowerCase(Locale.ROOT)
            .replace("\\", "\\\\")
            .replace("%", "\\%")
            .replace("_", "\\_")
        + "%";
  }
}
