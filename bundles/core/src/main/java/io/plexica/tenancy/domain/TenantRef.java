package io.plexica.tenancy.domain;

import java.util.UUID;

/** What code acting for a tenant needs to know of it: who it is and where its data lives. */
public record TenantRef(UUID id, String slug, String schemaName) {
  public static TenantRef of(Tenant tenant) {
    return new TenantRef(tenant.id(), tenant.slug(), tenant.schemaName());
  }
}
