package io.plexica.tenancy.app;

import io.plexica.tenancy.domain.TenantRef;

/**
 * One step of tenant provisioning, contributed by the feature that owns the resource (a schema, a
 * realm, a bucket, a default workspace). Steps run in ascending {@link #order()}; when a later one
 * fails, every step that ran, the failed one included, is compensated in reverse order.
 */
public interface ProvisioningStep {

  /** A stable name shown in the provisioning log, such as {@code create-schema}. */
  String name();

  /** Position among the steps; leave gaps so that later features can slot in. */
  int order();

  void execute(TenantRef tenant);

  /**
   * Undoes {@link #execute}, also when it ran only in part or not at all: compensations must be
   * idempotent and must not fail when there is nothing to undo.
   */
  void compensate(TenantRef tenant);
}
