package io.plexica.tenancy.domain;

import java.util.EnumSet;
import java.util.Set;

/** The life of a tenant: {@code PROVISIONING → ACTIVE ⇄ SUSPENDED → DELETED}, or {@code FAILED}. */
public enum TenantStatus {
  PROVISIONING,
  ACTIVE,
  SUSPENDED,
  FAILED,
  DELETED;

  /** Whether a tenant may move from this status to {@code next}. */
  public boolean canBecome(TenantStatus next) {
    return successors().contains(next);
  }

  private Set<TenantStatus> successors() {
    return switch (this) {
      case PROVISIONING -> EnumSet.of(ACTIVE, FAILED);
      case ACTIVE -> EnumSet.of(SUSPENDED, DELETED);
      case SUSPENDED -> EnumSet.of(ACTIVE, DELETED);
      case FAILED -> EnumSet.of(PROVISIONING, DELETED);
      case DELETED -> EnumSet.noneOf(TenantStatus.class);
    };
  }
}
