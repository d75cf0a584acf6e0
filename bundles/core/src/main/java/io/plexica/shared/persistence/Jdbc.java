package io.plexica.shared.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Plain JDBC for stores whose rows are records, not entities: one statement per call on a pooled
 * connection, parameters bound in order, failures named by what was being done.
 */
public final class Jdbc {
  private final DataSource dataSource;

  public Jdbc(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Reads one row into a value. */
  @FunctionalInterface
  public interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }

  public <T> List<T> query(String what, String sql, RowReader<T> reader, Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = bound(connection.prepareStatement(sql), parameters);
        ResultSet rows = statement.executeQuery()) {
      List<T> values = new ArrayList<>();
      while (rows.next()) {
        values.add(reader.read(rows));
      }
      return values;
    } catch (SQLException e) {
      throw new IllegalStateException(what + " failed", e);
    }
  }

  public <T> Optional<T> first(String what, String sql, RowReader<T> reader, Object... parameters) {
    return query(what, sql, reader, parameters).stream().findFirst();
  }

  /** Runs an INSERT, UPDATE or DELETE; the number of rows it changed. */
  public int update(String what, String sql, Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = bound(connection.prepareStatement(sql), parameters)) {
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(what + " failed", e);
    }
  }

  private static PreparedStatement bound(PreparedStatement statement, Object... parameters)
      throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      statement.setObject(i + 1, parameters[i]);
    }
    return statement;
  }
}
