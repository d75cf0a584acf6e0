package io.plexica.tenancy.app;

import io.plexica.shared.placement.SchemaAddress;

/** The PostgreSQL side of tenancy: the global schema and one schema per tenant, with migrations. */
public interface TenantSchemas {

  /** Brings {@code plexica_core} to the newest version. */
  void migrateCore();

  void create(SchemaAddress schema);

  /** Drops the schema and everything in it; nothing happens when it does not exist. */
  void drop(SchemaAddress schema);

  /**
   * Drops the schema and everything in it, but not the plugin installations' logins that had rights
   * on it (they keep none): connections pooled for them stay valid should the schema come back to
   * this cluster. Nothing happens when it does not exist.
   */
  void discard(SchemaAddress schema);

  boolean exists(SchemaAddress schema);

  /** Brings a tenant schema to the newest version of the tenant migrations. */
  void migrate(SchemaAddress schema);

  /** The newest version of the tenant migrations, which {@link #migrate} brings a schema to. */
  int tenantVersion();

  /** What a move copied. */
  record Copied(int tables, long rows) {}

  /**
   * Moves every row of {@code source} into {@code target} (the same schema on another cluster,
   * migrated to the same tables, which are emptied first) and drops {@code source}, writes to it
   * waiting meanwhile. Either the source is dropped and the target holds its rows, or, when this
   * throws, the source is as it was and the target keeps only what its migrations made.
   */
  Copied moveRows(SchemaAddress source, SchemaAddress target, Progress progress);

  /** Told after each table a move copied, with the totals so far (of {@code tables} in all). */
  interface Progress {
    void copied(int tablesSoFar, int tables, long rowsSoFar);
  }
}
