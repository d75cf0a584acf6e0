package io.plexica.tenancy.domain;

import io.plexica.shared.placement.SchemaAddress;
import java.util.UUID;

/**
 * What code acting for a tenant needs to know of it: who it is, where its people live and where its
 * data lives.
 */
public record TenantRef(UUID id, String slug, SchemaAddress database, IdentityHome home) {
  public static TenantRef of(Tenant tenant) {
    return new TenantRef(tenant.id(), tenant.slug(), tenant.database(), tenant.identityHome());
  }

  /** The same tenant with its schema at {@code elsewhere} (where a move is taking it). */
  public TenantRef placedOn(SchemaAddress elsewhere) {
    return new TenantRef(id, slug, elsewhere, home);
  }

  /** The tenant's schema, on the cluster {@link #database()} names. */
  public String schemaName() {
    return database.schema();
  }

  /** The realm that issues the tenant's tokens and holds its people. */
  public String realm() {
    return home.realm();
  }
}
