package io.plexica.tenancy.app;

import io.plexica.shared.placement.SchemaAddress;

/** The PostgreSQL side of tenancy: the global schema and one schema per tenant, with migrations. */
public interface TenantSchemas {

  /** Brings {@code plexica_core} to the newest version. */
  void migrateCore();

  void create(SchemaAddress schema);

  /** Drops the schema and everything in it; nothing happens when it does not exist. */
  void drop(SchemaAddress schema);

  boolean exists(SchemaAddress schema);

  /** Brings a tenant schema to the newest version of the tenant migrations. */
  void migrate(SchemaAddress schema);

  /** The newest version of the tenant migrations, which {@link #migrate} brings a schema to. */
  int tenantVersion();
}
