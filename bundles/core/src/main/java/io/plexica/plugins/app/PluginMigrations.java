package io.plexica.plugins.app;

import io.plexica.plugins.domain.PluginManifest;
import io.plexica.tenancy.domain.TenantRef;

/** A plugin's tables in a tenant's schema, created and changed by the migrations it ships. */
public interface PluginMigrations {

  /**
   * Applies the bundle's pending migrations in the tenant's schema, all in one transaction: when
   * one fails, none is applied. The history is the plugin's own ({@code plugin_<id>_history}).
   */
  void migrate(TenantRef tenant, PluginManifest manifest, byte[] bundle);

  /** Whether the plugin has any table (its history included) in the tenant's schema. */
  boolean hasTables(TenantRef tenant, String pluginId);

  /** Drops every table of the plugin in the tenant's schema, its history included. */
  void purge(TenantRef tenant, String pluginId);

  /**
   * Lets plugin {@code readerId} read these views of plugin {@code ownerId} in the tenant's schema
   * (SELECT granted to the reader's database role); views that do not exist yet are skipped.
   */
  void shareViews(TenantRef tenant, String ownerId, java.util.List<String> views, String readerId);
}
