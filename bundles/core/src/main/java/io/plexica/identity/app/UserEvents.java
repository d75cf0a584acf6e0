package io.plexica.identity.app;

import io.plexica.identity.domain.TenantUser;
import io.plexica.identity.domain.UserProfile;
import io.plexica.shared.events.DomainEvent;
import io.plexica.shared.hooks.ExtensionPoints;
import io.plexica.tenancy.domain.TenantRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The {@code user.created} extension point, however the user came to the tenant, and the {@code
 * core.user.*} events of the bus.
 */
final class UserEvents {
  private UserEvents() {}

  /** {@code core.user.<action>} (created, updated, deleted) with the user as it is now. */
  static DomainEvent event(String action, TenantRef tenant, TenantUser user) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("userId", user.id().toString());
    data.put("username", user.profile().username());
    data.put("email", user.profile().email());
    data.put("firstName", user.profile().firstName());
    data.put("lastName", user.profile().lastName());
    data.put("roles", List.copyOf(new TreeSet<>(user.roles())));
    data.put("enabled", user.enabled());
    return DomainEvent.of("core.user." + action, tenant.id(), data);
  }

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
