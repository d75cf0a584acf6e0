package io.plexica.identity.api;

import io.plexica.shared.problem.ProblemException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The role names a request gives a user or a service account: at most {@link #MAX} of them, none
 * blank, stripped, each once. Whether each names a role of the tenant is the service's question.
 */
final class RoleNames {
  static final int MAX = 20;

  /** What a new user or service account holds when the request names no role. */
  static final Set<String> DEFAULT = Set.of("user");

  private RoleNames() {}

  static Set<String> of(List<String> names) {
    if (names.size() > MAX) {
      throw ProblemException.invalid("roles", "at most " + MAX + " roles per user");
    }
    Set<String> roles = new LinkedHashSet<>();
    for (String name : names) {
      if (name == null || name.isBlank()) {
        throw ProblemException.invalid("roles", "must not contain blank names");
      }
      roles.add(name.strip());
    }
    return roles;
  }
}
