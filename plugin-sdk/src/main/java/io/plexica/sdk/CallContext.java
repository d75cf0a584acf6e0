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
 */
public record CallContext(
    UUID tenantId,
    String tenantSlug,
    Optional<UUID> userId,
    Optional<String> username,
    Set<String> permissions,
    Optional<UUID> workspaceId,
    JsonObject config) {

  public CallContext {
    permissions = Set.copyOf(permissions);
  }

  /** Whether the caller holds the permission. */
  public boolean can(String permission) {
    return permissions.contains(permission);
  }
}
