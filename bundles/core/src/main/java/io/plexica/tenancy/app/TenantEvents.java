package io.plexica.tenancy.app;

import io.plexica.shared.events.DomainEvent;
import io.plexica.tenancy.domain.Tenant;
import io.plexica.tenancy.domain.TenantStatus;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The {@code core.tenant.*} events, written with the tenant change they describe. */
final class TenantEvents {
  private TenantEvents() {}

  static Function<Tenant, List<DomainEvent>> event(String action) {
    return tenant ->
        List.of(
            DomainEvent.of(
                "core.tenant." + action,
                tenant.id(),
                Map.of(
                    "tenantId", tenant.id().toString(),
                    "slug", tenant.slug(),
                    "name", tenant.name(),
                    "status", tenant.status().name())));
  }

  /** The event of a move to {@code status}: activated, suspended or deleted. */
  static Function<Tenant, List<DomainEvent>> movedTo(TenantStatus status) {
    return switch (status) {
      case ACTIVE -> event("activated");
      case SUSPENDED -> event("suspended");
      case DELETED -> event("deleted");
      default -> tenant -> List.of();
    };
  }
}
