package io.plexica.identity.domain;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The permissions ({@code resource:action}) of the realm roles every tenant starts with. Documented
 * in docs/security.md; tenants will be able to define their own roles on top of these.
 */
public final class DefaultRoles {
  private DefaultRoles() {}

  public static final Map<String, Set<String>> PERMISSIONS =
      Map.of(
          "admin",
          Set.of(
              "tenant:read",
              "tenant:manage",
              "users:read",
              "users:invite",
              "users:manage",
              "roles:manage",
              "workspaces:read",
              "workspaces:create",
              "workspaces:manage",
              "plugins:read",
              "plugins:manage",
              "audit:read"),
          "user",
          Set.of(
              "tenant:read", "users:read", "workspaces:read", "workspaces:create", "plugins:read"),
          "guest",
          Set.of("tenant:read", "workspaces:read"));

  /** Every permission the given roles grant, sorted; unknown roles grant nothing. */
  public static Set<String> permissionsOf(Collection<String> roles) {
    Set<String> permissions = new TreeSet<>();
    roles.forEach(role -> permissions.addAll(PERMISSIONS.getOrDefault(role, Set.of())));
    return permissions;
  }
}
