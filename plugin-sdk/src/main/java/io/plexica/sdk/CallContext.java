package io.plexica.sdk;

import jakarta.json.JsonObject;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who a call is for: the tenant, the user and what the user may do there, and the plugin's
 * configuration in that tenant. The platform builds it for every route call and hook; a plugin
 * never finds it through a static or a thread-local.
 *
 * @param tenantId the tenant's id
 * @param tenantSlug the tenant's slug, as in its URLs and realm
 * @param userId the calling user's id, absent for hooks the platform fires on its own
 * @param username the calling user's login name, absent when {@code userId} is
 * @param permissions what the user may do in the tenant ({@code resource:action}); empty for hooks
 * @param workspaceId the workspace of the call, when it names one
 * @param config the plugin's configuration in this tenant, validated against its schema
 * @param workspaceRole the caller's role in {@code workspaceId} ({@code VIEWER}, {@code MEMBER} or
 *     {@code ADMIN}), present exactly when the call names a workspace and has a user (since 1.1)
 */
public record CallContext(
    UUID tenantId,
    String tenantSlug,
    Optional<UUID> userId,
    Optional<String> username,
    Set<String> permissions,
    Optional<UUID> workspaceId,
    JsonObject config,
    Optional<String> workspaceRole) {

  /** The workspace roles, each including the ones before it. */
  public static final java.util.List<String> WORKSPACE_ROLES =
      java.util.List.of("VIEWER", "MEMBER", "ADMIN");

  public CallContext {
    permissions = Set.copyOf(permissions);
  }

  /** A context without a workspace role, as SDK 1.0 made them (tests, hooks, events). */
  public CallContext(
      UUID tenantId,
      String tenantSlug,
      Optional<UUID> userId,
      Optional<String> username,
      Set<String> permissions,
      Optional<UUID> workspaceId,
      JsonObject config) {
    this(
        tenantId, tenantSlug, userId, username, permissions, workspaceId, config, Optional.empty());
  }

  /**
   * Whether the caller's role in the call's workspace includes {@code role} (an {@code ADMIN} may
   * do what a {@code MEMBER} may); false in a call without a workspace.
   */
  public boolean hasWorkspaceRole(String role) {
    int needed = WORKSPACE_ROLES.indexOf(role);
    return needed >= 0
        && workspaceRole.map(WORKSPACE_ROLES::indexOf).filter(r -> r >= needed).isPresent();
  }

  /** Whether the caller holds the permission. */
  public boolean can(String permission) {
    return permissions.contains(permission);
  }
}
