package io.plexica.plugins.infra;

import io.plexica.plugins.domain.PluginStore;
import io.plexica.plugins.domain.PluginTables;
import io.plexica.sdk.CallContext;
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
import javax.sql.DataSource;

/**
 * The plugins' data access: one statement on the calling plugin's tables in the schema of the
 * call's tenant, where the plugin must be installed and enabled.
 */
public class JdbcPluginData {
  private final DataSource dataSource;
  private final TenantRepository tenants;
  private final PluginStore store;

  /** A tenant's schema never changes (a purged slug comes back as a new tenant), so it is kept. */
  private final Map<UUID, String> schemas = new ConcurrentHashMap<>();

  public JdbcPluginData(DataSource dataSource, TenantRepository tenants, PluginStore store) {
    this.dataSource = dataSource;
    this.tenants = tenants;
    this.store = store;
  }

  public List<Map<String, Object>> query(
      String pluginId, CallContext context, String sql, Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(resolve(pluginId, context, sql))) {
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
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(resolve(pluginId, context, sql))) {
      bind(statement, parameters);
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw failed(pluginId, e);
    }
  }

  private String resolve(String pluginId, CallContext context, String sql) {
    store.requireEnabled(context.tenantId(), context.tenantSlug(), pluginId);
    String schema =
        schemas.computeIfAbsent(
            context.tenantId(),
            id ->
                tenants
                    .findById(id)
                    .orElseThrow(() -> new IllegalStateException("No tenant " + id))
                    .schemaName());
    return PluginTables.resolve(sql, schema, pluginId, context.workspaceId());
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

  private static RuntimeException failed(String pluginId, SQLException e) {
    return new IllegalStateException("SQL of plugin " + pluginId + " failed: " + e.getMessage(), e);
  }
}
