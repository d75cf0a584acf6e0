package io.plexica.tenancy.domain;

import java.util.UUID;

/**
 * What code acting for a tenant needs to know of it: who it is, where its people live and where its
 * data lives.
 */
public record TenantRef(UUID id, String slug, String schemaName, IdentityHome home) {
  public static TenantRef of(Tenant tenant) {
    return new TenantRef(tenant.id(), tenant.slug(), tenant.schemaName(), tenant.identityHome());
  }

  /** The realm that issues the tenant's tokens and holds its people. */
  public String realm() {
    return home.realm();
  }
}
