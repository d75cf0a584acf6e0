package io.plexica.tenancy.app;

/** The PostgreSQL side of tenancy: the global schema and one schema per tenant, with migrations. */
public interface TenantSchemas {

  /** Brings {@code plexica_core} to the newest version. */
  void migrateCore();

  void create(String schema);

  /** Drops the schema and everything in it; nothing happens when it does not exist. */
  void drop(String schema);

  boolean exists(String schema);

  /** Brings a tenant schema to the newest version of the tenant migrations. */
  void migrate(String schema);

  /** The newest version of the tenant migrations, which {@link #migrate} brings a schema to. */
  int tenantVersion();
}
