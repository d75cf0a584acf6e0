package io.plexica.identity.app;

import io.plexica.identity.domain.Access;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Effective access of users, per tenant. A change of roles, permissions or users calls {@link
 * #invalidate}; from then on every node loads the tenant's access afresh.
 */
public interface AccessCache {

  /** The cached access, or what {@code load} returns, cached when no invalidation raced it. */
  Access get(UUID tenantId, UUID userId, Supplier<Access> load);

  void invalidate(UUID tenantId);
}
