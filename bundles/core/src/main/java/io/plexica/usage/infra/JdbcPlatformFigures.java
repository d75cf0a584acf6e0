package io.plexica.usage.infra;

import io.plexica.shared.lifecycle.SchemaGate;
import io.plexica.shared.persistence.DatabaseClusters;
import io.plexica.shared.placement.SchemaAddress;
import io.plexica.usage.domain.PlatformFigures;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Platform figures counted by PostgreSQL from the registry in {@code plexica_core}, and a tenant's
 * usage from its schema on the cluster holding it.
 */
public class JdbcPlatformFigures implements PlatformFigures {
  /** Schema names are made by the platform; anything else never reaches the SQL. */
  private static final Pattern SCHEMA = Pattern.compile("^tenant_[a-z0-9_]{1,56}$");

  private final DatabaseClusters clusters;
  private final DataSource dataSource;
  private final SchemaGate schemas;

  public JdbcPlatformFigures(DatabaseClusters clusters, SchemaGate schemas) {
    this.clusters = clusters;
    this.dataSource = clusters.main().platform();
    this.schemas = schemas;
  }

  @Override
  public Map<String, Long> tenantsByStatus() {
    Map<String, Long> counts = new LinkedHashMap<>();
    query(
        "SELECT status, count(*) FROM plexica_core.tenant GROUP BY status ORDER BY status",
        null,
        rows -> counts.put(rows.getString(1), rows.getLong(2)));
    return counts;
  }

  @Override
  public List<TenantDay> tenantGrowth(Instant since) {
    List<TenantDay> days = new ArrayList<>();
    query(
        "WITH days AS (SELECT generate_series(date_trunc('day', CAST(? AS timestamptz) AT TIME ZONE"
            + " 'UTC'), date_trunc('day', now() AT TIME ZONE 'UTC'), interval '1 day') AS day)"
            + " SELECT CAST(d.day AS date),"
            + " (SELECT count(*) FROM plexica_core.tenant t WHERE t.created_at AT TIME ZONE 'UTC'"
            + " >= d.day AND t.created_at AT TIME ZONE 'UTC' < d.day + interval '1 day'),"
            + " (SELECT count(*) FROM plexica_core.tenant t WHERE t.created_at AT TIME ZONE 'UTC'"
            + " < d.day + interval '1 day') FROM days d ORDER BY d.day",
        Timestamp.from(since),
        rows ->
            days.add(
                new TenantDay(rows.getDate(1).toLocalDate(), rows.getLong(2), rows.getLong(3))));
    return days;
  }

  @Override
  public List<PluginInstalls> pluginInstalls() {
    List<PluginInstalls> installs = new ArrayList<>();
    query(
        "SELECT p.id, p.name, count(i.tenant_id), count(i.tenant_id) FILTER (WHERE i.enabled)"
            + " FROM plexica_core.plugin p LEFT JOIN plexica_core.plugin_installation i"
            + " ON i.plugin_id = p.id GROUP BY p.id, p.name ORDER BY count(i.tenant_id) DESC, p.id",
        null,
        rows ->
            installs.add(
                new PluginInstalls(
                    rows.getString(1), rows.getString(2), rows.getLong(3), rows.getLong(4))));
    return installs;
  }

  @Override
  public Optional<TenantUsage> tenantUsage(UUID tenantId, SchemaAddress address) {
    String schema = address.schema();
    if (!SCHEMA.matcher(schema).matches()) {
      throw new IllegalArgumentException("Not a tenant schema name: " + schema);
    }
    schemas.enter(schema);
    String sql =
        "SELECT (SELECT count(*) FROM \"S\".users), (SELECT count(*) FROM \"S\".workspace),"
            + " (SELECT count(*) FROM \"S\".workspace_file),"
            + " (SELECT coalesce(sum(size_bytes), 0) FROM \"S\".workspace_file)";
    long[] counts = new long[4];
    try (Connection connection = clusters.holding(address).platform().getConnection()) {
      try (PreparedStatement exists =
          connection.prepareStatement("SELECT to_regnamespace(?) IS NOT NULL")) {
        exists.setString(1, schema);
        try (ResultSet rows = exists.executeQuery()) {
          if (!rows.next() || !rows.getBoolean(1)) {
            return Optional.empty();
          }
        }
      }
      try (PreparedStatement usage =
              connection.prepareStatement(sql.replace("\"S\"", "\"" + schema + "\""));
          ResultSet rows = usage.executeQuery()) {
        rows.next();
        for (int i = 0; i < counts.length; i++) {
          counts[i] = rows.getLong(i + 1);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Counting the usage of tenant " + tenantId + " failed", e);
    }
    long[] plugins = new long[1];
    query(
        "SELECT count(*) FROM plexica_core.plugin_installation WHERE tenant_id = ?",
        tenantId,
        rows -> plugins[0] = rows.getLong(1));
    return Optional.of(new TenantUsage(counts[0], counts[1], counts[2], counts[3], plugins[0]));
  }

  private interface RowReader {
    void read(ResultSet rows) throws SQLException;
  }

  private void query(String sql, Object parameter, RowReader reader) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      if (parameter != null) {
        statement.setObject(1, parameter);
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          reader.read(rows);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Counting platform figures failed", e);
    }
  }
}
