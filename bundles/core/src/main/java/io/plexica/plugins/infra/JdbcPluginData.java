package io.plexica.plugins.infra;

import io.plexica.plugins.domain.PluginStore;
import io.plexica.plugins.domain.PluginTables;
import io.plexica.sdk.CallContext;
import io.plexica.shared.id.CanonicalUuid;
import io.plexica.shared.problem.ProblemException;
import io.plexica.tenancy.app.ActiveTenants;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.tenancy.domain.TenantRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The plugins' data access: one statement on the calling plugin's tables in the schema of the
 * call's tenant, where the plugin must be installed and enabled.
 */
public class JdbcPluginData {
  private final InstallationRoles roles;
  private final TenantRepository tenants;
  private final PluginStore store;

  /** Where each tenant's data lives, forgotten when the tenant changes (a move changes it). */
  private final Map<UUID, TenantRef> schemas = new ConcurrentHashMap<>();

  public JdbcPluginData(
      InstallationRoles roles, TenantRepository tenants, PluginStore store, ActiveTenants changes) {
    this.roles = roles;
    this.tenants = tenants;
    this.store = store;
    changes.onChange(
        id -> {
          if (id == null) {
            schemas.clear();
          } else {
            CanonicalUuid.parse(id).ifPresent(schemas::remove);
          }
        });
  }

  public List<Map<String, Object>> query(
      String pluginId, CallContext context, String sql, Object... parameters) {
    TenantRef tenant = tenantOf(pluginId, context);
    String statementText =
        PluginTables.resolve(sql, tenant.schemaName(), pluginId, context.workspaceId());
    try (Connection connection = roles.connect(tenant, pluginId);
        PreparedStatement statement = connection.prepareStatement(statementText)) {
      bind(statement, parameters);
      try (ResultSet rows = statement.executeQuery()) {
        ResultSetMetaData columns = rows.getMetaData();
        List<Map<String, Object>> result = new ArrayList<>();
        while (rows.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i <= columns.getColumnCount(); i++) {
            row.put(columns.getColumnLabel(i), plain(rows.getObject(i)));
          }
          result.add(row);
        }
        return result;
      }
    } catch (SQLException e) {
      throw failed(pluginId, e);
    }
  }

  public int update(String pluginId, CallContext context, String sql, Object... parameters) {
    TenantRef tenant = tenantOf(pluginId, context);
    String statementText =
        PluginTables.resolve(sql, tenant.schemaName(), pluginId, context.workspaceId());
    try (Connection connection = roles.connect(tenant, pluginId);
        PreparedStatement statement = connection.prepareStatement(statementText)) {
      bind(statement, parameters);
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw failed(pluginId, e);
    }
  }

  private TenantRef tenantOf(String pluginId, CallContext context) {
    store.requireEnabled(context.tenantId(), context.tenantSlug(), pluginId);
    return schemas.computeIfAbsent(
        context.tenantId(),
        id ->
            TenantRef.of(
                tenants
                    .findById(id)
                    .orElseThrow(() -> new IllegalStateException("No tenant " + id))));
  }

  private static void bind(PreparedStatement statement, Object[] parameters) throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      statement.setObject(i + 1, parameters[i]);
    }
  }

  /** Values plugins can take across a process boundary: no driver types. */
  private static Object plain(Object value) {
    if (value == null
        || value instanceof String
        || value instanceof Number
        || value instanceof Boolean) {
      return value;
    }
    if (value instanceof UUID || value instanceof OffsetDateTime) {
      return value.toString();
    }
    if (value instanceof java.sql.Timestamp timestamp) {
      return timestamp.toInstant().toString();
    }
    return value.toString();
  }

  /**
   * PostgreSQL's refusals (insufficient privilege, an unknown schema or table) are the plugin's
   * doing and named so; other failures stay internal errors.
   */
  private static RuntimeException failed(String pluginId, SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (state.equals("42501") || state.equals("3F000") || state.equals("42P01")) {
      return new ProblemException(
          PluginTables.SQL_REFUSED,
          "Plugin '" + pluginId + "' was refused by the database: " + e.getMessage(),
          e);
    }
    return new IllegalStateException("SQL of plugin " + pluginId + " failed: " + e.getMessage(), e);
  }
}
