package io.plexica.identity.domain;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The permissions of the platform itself. The built-in roles grant them as seeded by the tenant
 * migration {@code V2__users_and_roles.sql}; docs/security.md documents both.
 */
public final class CorePermissions {
  private CorePermissions() {}

  /**
   * {@code resource:action}, lower case; a plugin's permissions start with its id, as in {@code
   * crm:contacts:read}.
   */
  public static final Pattern FORMAT =
      Pattern.compile("^[a-z][a-z0-9-]{0,48}(:[a-z][a-z0-9-]{0,48}){1,2}$");

  public static final String SOURCE = "core";

  public static final List<PermissionInfo> ALL =
      List.of(
          core("tenant:read", "See the tenant's profile and settings"),
          core("tenant:manage", "Change the tenant's profile and settings"),
          core("users:read", "List and look up the tenant's users"),
          core("users:invite", "Invite new users"),
          core("users:manage", "Disable and enable users, change their roles, sync from Keycloak"),
          core("roles:read", "See roles and the permissions they grant"),
          core("roles:manage", "Create, change and delete custom roles"),
          core("workspaces:read", "See workspaces"),
          core("workspaces:create", "Create workspaces"),
          core("workspaces:manage", "Change and delete any workspace"),
          core("plugins:read", "See installed plugins"),
          core("plugins:manage", "Install, configure and remove plugins"),
          core("audit:read", "Read the audit log"),
          core(
              "service-accounts:manage",
              "Create, change, rotate and delete service accounts (programs with roles)"));

  private static PermissionInfo core(String name, String description) {
    return new PermissionInfo(name, description, SOURCE);
  }
}
