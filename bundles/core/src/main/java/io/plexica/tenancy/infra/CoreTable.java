package io.plexica.tenancy.infra;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** Plain JDBC on one table of {@code plexica_core}: the move logs' writes and reads. */
final class CoreTable {
  interface Binding {
    void bind(PreparedStatement statement) throws SQLException;
  }

  interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }

  private final DataSource core;
  private final String table;
  private final String columns;

  CoreTable(DataSource core, String table, String columns) {
    this.core = core;
    this.table = table;
    this.columns = columns;
  }

  /** {@code INSERT} of every column, bound in their order. */
  void insert(Object what, Binding binding) {
    int count = columns.split(",").length;
    write(
        "INSERT INTO plexica_core."
            + table
            + " ("
            + columns
            + ") VALUES ("
            + "?, ".repeat(count - 1)
            + "?)",
        what,
        binding);
  }

  /** {@code UPDATE ... SET assignments WHERE id = ?}; the id is bound last. */
  void update(String assignments, Object what, Binding binding) {
    write("UPDATE plexica_core." + table + " SET " + assignments + " WHERE id = ?", what, binding);
  }

  private void write(String sql, Object what, Binding binding) {
    try (Connection connection = core.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      binding.bind(statement);
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot record " + what + " in " + table, e);
    }
  }

  /** The rows matching {@code where}, which has one parameter: {@code key}. */
  <T> List<T> select(String where, UUID key, RowReader<T> reader) {
    try (Connection connection = core.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT " + columns + " FROM plexica_core." + table + " " + where)) {
      statement.setObject(1, key);
      List<T> found = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          found.add(reader.read(rows));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read " + table, e);
    }
  }

  static void setInstant(PreparedStatement statement, int index, Instant instant)
      throws SQLException {
    if (instant == null) {
      statement.setNull(index, Types.TIMESTAMP);
    } else {
      statement.setTimestamp(index, Timestamp.from(instant));
    }
  }

  static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
