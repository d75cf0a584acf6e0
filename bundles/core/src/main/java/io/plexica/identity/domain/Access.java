package io.plexica.identity.domain;

import java.util.Set;
import java.util.UUID;

/**
 * What one user may do in its tenant right now: whether it is enabled, its roles and the
 * permissions they grant. Computed from the tenant's tables, cached, and recomputed after every
 * change of roles or permissions. {@code profile} is the {@link UserProfile#fingerprint()} of the
 * mirrored profile.
 */
public record Access(
    UUID userId, boolean enabled, Set<String> roles, Set<String> permissions, String profile) {
  public Access {
    roles = Set.copyOf(roles);
    permissions = Set.copyOf(permissions);
  }

  public boolean grants(String permission) {
    return enabled && permissions.contains(permission);
  }
}
