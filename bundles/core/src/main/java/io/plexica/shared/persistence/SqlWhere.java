package io.plexica.shared.persistence;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code WHERE} of a query built from optional filters, with its parameters in order. The
 * conditions are this code's text with {@code ?} placeholders; a caller's values are only ever
 * parameters.
 */
public final class SqlWhere {
  private final List<String> conditions = new ArrayList<>();
  private final List<Object> parameters = new ArrayList<>();

  /** Adds {@code condition}, whose placeholders take {@code values}. */
  public SqlWhere and(String condition, Object... values) {
    conditions.add(condition);
    parameters.addAll(List.of(values));
    return this;
  }

  /** Adds {@code condition} with {@code value} as its one parameter when the value is present. */
  public SqlWhere andIf(Optional<?> value, String condition) {
    value.ifPresent(v -> and(condition, v));
    return this;
  }

  /** {@code " WHERE a AND b"}, or nothing when no condition was added. */
  public String clause() {
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  /** The parameters, in the order of their placeholders. */
  public List<Object> parameters() {
    return List.copyOf(parameters);
  }

  /** Binds the parameters from position {@code first}; returns the next free position. */
  public int bind(PreparedStatement statement, int first) throws SQLException {
    int position = first;
    for (Object parameter : parameters) {
      statement.setObject(position++, parameter);
    }
    return position;
  }
}
