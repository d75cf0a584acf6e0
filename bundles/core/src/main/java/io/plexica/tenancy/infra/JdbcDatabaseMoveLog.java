package io.plexica.tenancy.infra;

import io.plexica.tenancy.domain.DatabaseMove;
import io.plexica.tenancy.domain.DatabaseMoveLog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** {@code plexica_core.tenant_database_move}, on the main cluster. */
public class JdbcDatabaseMoveLog implements DatabaseMoveLog {
  private final CoreTable table;

  public JdbcDatabaseMoveLog(DataSource core) {
    this.table =
        new CoreTable(
            core,
            "tenant_database_move",
            "id, tenant_id, source_cluster, target_cluster, state, step, tables_copied,"
                + " rows_copied, error, started_at, ended_at");
  }

  @Override
  public void insert(DatabaseMove move) {
    table.insert(
        move,
        statement -> {
          statement.setObject(1, move.id());
          statement.setObject(2, move.tenantId());
          statement.setString(3, move.sourceCluster());
          statement.setString(4, move.targetCluster());
          statement.setString(5, move.state().name());
          statement.setString(6, move.step().name());
          statement.setInt(7, move.tablesCopied());
          statement.setLong(8, move.rowsCopied());
          statement.setString(9, move.error());
          CoreTable.setInstant(statement, 10, move.startedAt());
          CoreTable.setInstant(statement, 11, move.endedAt());
        });
  }

  @Override
  public void update(DatabaseMove move) {
    table.update(
        "state = ?, step = ?, tables_copied = ?, rows_copied = ?, error = ?, ended_at = ?",
        move,
        statement -> {
          statement.setString(1, move.state().name());
          statement.setString(2, move.step().name());
          statement.setInt(3, move.tablesCopied());
          statement.setLong(4, move.rowsCopied());
          statement.setString(5, move.error());
          CoreTable.setInstant(statement, 6, move.endedAt());
          statement.setObject(7, move.id());
        });
  }

  @Override
  public Optional<DatabaseMove> find(UUID id) {
    return table.select("WHERE id = ?", id, JdbcDatabaseMoveLog::move).stream().findFirst();
  }

  @Override
  public List<DatabaseMove> ofTenant(UUID tenantId) {
    return table.select(
        "WHERE tenant_id = ? ORDER BY started_at DESC", tenantId, JdbcDatabaseMoveLog::move);
  }

  private static DatabaseMove move(ResultSet row) throws SQLException {
    return new DatabaseMove(
        row.getObject(1, UUID.class),
        row.getObject(2, UUID.class),
        row.getString(3),
        row.getString(4),
        DatabaseMove.State.valueOf(row.getString(5)),
        DatabaseMove.Step.valueOf(row.getString(6)),
        row.getInt(7),
        row.getLong(8),
        row.getString(9),
        row.getTimestamp(10).toInstant(),
        CoreTable.instant(row.getTimestamp(11)));
  }
}
