package io.plexica.usage.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Figures about the whole platform, for its administrators. */
public interface PlatformFigures {
  /** Tenants by status (deleted and purged included as DELETED). */
  Map<String, Long> tenantsByStatus();

  /** A day of tenant growth: tenants created that day (UTC) and the total at its end. */
  record TenantDay(LocalDate day, long created, long total) {}

  /** Every day from {@code since} to today, including days without a new tenant. */
  List<TenantDay> tenantGrowth(Instant since);

  /** A plugin and how many tenants installed it (enabled or not). */
  record PluginInstalls(String pluginId, String name, long tenants, long enabled) {}

  List<PluginInstalls> pluginInstalls();

  /** What a tenant holds: users, workspaces, files and their bytes, installed plugins. */
  record TenantUsage(long users, long workspaces, long files, long fileBytes, long plugins) {}

  /** The usage of the tenant whose data lives in {@code schema}; empty once the schema is gone. */
  java.util.Optional<TenantUsage> tenantUsage(
      java.util.UUID tenantId, io.plexica.shared.placement.SchemaAddress schema);
}
