package io.plexica.identity.app;

import io.plexica.identity.domain.UserProfile;
import io.plexica.shared.hooks.ExtensionPoints;
import io.plexica.tenancy.domain.TenantRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** The {@code user.created} extension point, however the user came to the tenant. */
final class UserEvents {
  private UserEvents() {}

  static ExtensionPoints.Event created(
      TenantRef tenant, UUID userId, UserProfile profile, Set<String> roles) {
    return new ExtensionPoints.Event(
        "user.created",
        tenant.id(),
        tenant.slug(),
        Optional.empty(),
        Optional.empty(),
        Map.of(
            "userId", userId.toString(),
            "username", profile.username(),
            "email", profile.email() == null ? "" : profile.email(),
            "roles", List.copyOf(new TreeSet<>(roles))));
  }
}
