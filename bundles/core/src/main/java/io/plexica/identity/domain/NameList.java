package io.plexica.identity.domain;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/** A set of role or permission names as stored in one column: sorted, comma-separated. */
final class NameList {
  private NameList() {}

  static String join(Collection<String> names) {
    return String.join(",", new TreeSet<>(names));
  }

  static Set<String> split(String column) {
    if (column == null || column.isEmpty()) {
      return Set.of();
    }
    return Set.copyOf(Arrays.asList(column.split(",")));
  }
}
