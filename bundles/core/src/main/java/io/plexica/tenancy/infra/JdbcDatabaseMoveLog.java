package io.plexica.tenancy.infra;

import io.plexica.tenancy.domain.DatabaseMove;
import io.plexica.tenancy.domain.DatabaseMoveLog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** {@code plexica_core.tenant_database_move}, on the main cluster. */
public class JdbcDatabaseMoveLog implements DatabaseMoveLog {
  private static final String COLUMNS =
      "id, tenant_id, source_cluster, target_cluster, state, step, tables_copied, rows_copied,"
          + " error, started_at, ended_at";

  private final DataSource core;

  public JdbcDatabaseMoveLog(DataSource core) {
    this.core = core;
  }

  @Override
  public void insert(DatabaseMove move) {
    write(
        "INSERT INTO plexica_core.tenant_database_move ("
            + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
          statement.setTimestamp(10, Timestamp.from(move.startedAt()));
          setInstant(statement, 11, move.endedAt());
        });
  }

  @Override
  public void update(DatabaseMove move) {
    write(
        "UPDATE plexica_core.tenant_database_move SET state = ?, step = ?, tables_copied = ?,"
            + " rows_copied = ?, error = ?, ended_at = ? WHERE id = ?",
        move,
        statement -> {
          statement.setString(1, move.state().name());
          statement.setString(2, move.step().name());
          statement.setInt(3, move.tablesCopied());
          statement.setLong(4, move.rowsCopied());
          statement.setString(5, move.error());
          setInstant(statement, 6, move.endedAt());
          statement.setObject(7, move.id());
        });
  }

  @Override
  public Optional<DatabaseMove> find(UUID id) {
    return read("WHERE id = ?", id).stream().findFirst();
  }

  @Override
  public List<DatabaseMove> ofTenant(UUID tenantId) {
    return read("WHERE tenant_id = ? ORDER BY started_at DESC", tenantId);
  }

  private interface Binding {
    void bind(PreparedStatement statement) throws SQLException;
  }

  private void write(String sql, DatabaseMove move, Binding binding) {
    try (Connection connection = core.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      binding.bind(statement);
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot record database move " + move.id(), e);
    }
  }

  private List<DatabaseMove> read(String where, UUID key) {
    try (Connection connection = core.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM plexica_core.tenant_database_move " + where)) {
      statement.setObject(1, key);
      List<DatabaseMove> moves = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          moves.add(
              new DatabaseMove(
                  rows.getObject(1, UUID.class),
                  rows.getObject(2, UUID.class),
                  rows.getString(3),
                  rows.getString(4),
                  DatabaseMove.State.valueOf(rows.getString(5)),
                  DatabaseMove.Step.valueOf(rows.getString(6)),
                  rows.getInt(7),
                  rows.getLong(8),
                  rows.getString(9),
                  rows.getTimestamp(10).toInstant(),
                  instant(rows.getTimestamp(11))));
        }
      }
      return moves;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read database moves", e);
    }
  }

  private static void setInstant(PreparedStatement statement, int index, Instant instant)
      throws SQLException {
    if (instant == null) {
      statement.setNull(index, Types.TIMESTAMP);
    } else {
      statement.setTimestamp(index, Timestamp.from(instant));
    }
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
