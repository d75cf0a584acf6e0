package io.plexica.identity.app;

import io.plexica.identity.domain.UserProfile;
import io.plexica.identity.domain.UserQuery;
import io.plexica.identity.domain.UserStatus;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The users of every tenant at once, for platform administrators. */
public interface PlatformUserDirectory {

  record PlatformUser(
      UUID tenantId,
      String tenantSlug,
      UUID id,
      UserProfile profile,
      UserStatus status,
      Set<String> roles,
      Instant createdAt) {}

  record PlatformUserPage(List<PlatformUser> items, int page, int size, long total) {}

  /** Users of active and suspended tenants; {@code query.tenant()} is a tenant's id or slug. */
  PlatformUserPage search(UserQuery query);
}
