package io.plexica.tenancy.app;

import io.plexica.tenancy.domain.TenantRef;
import java.util.Optional;

/**
 * Told about a tenant's life after the platform recorded it, by the features that hold resources of
 * the tenant outside its schema (its realm, later its bucket). A listener that throws makes the
 * change fail, and the tenant keeps its previous status.
 */
public interface TenantLifecycleListener {
  default void suspended(TenantRef tenant) {}

  default void activated(TenantRef tenant) {}

  /**
   * The tenant's name or settings changed (its default language, {@code settings.locale}, may be
   * empty). Told after the change is recorded; a failure is logged, not undone: start-up aligns
   * again.
   */
  default void profileChanged(TenantRef tenant, String name, Optional<String> locale) {}

  /**
   * The tenant's schema is being moved to another cluster: {@code onTarget} names the new schema,
   * made and migrated with the platform's tables and still empty. A feature keeping tables of its
   * own in the schema makes them there; throwing rolls the move back.
   */
  default void movingTo(TenantRef onTarget) {}

  /**
   * Why the tenant's schema cannot start moving right now (work of this feature on it is under
   * way), in words for the platform administrator; empty when it can.
   */
  default Optional<String> busyWith(TenantRef tenant) {
    return Optional.empty();
  }

  /** The tenant's data is being dropped for good; must not fail when there is nothing left. */
  default void purged(TenantRef tenant) {}
}
