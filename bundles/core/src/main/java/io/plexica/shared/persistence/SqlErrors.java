package io.plexica.shared.persistence;

import java.sql.SQLException;

/** Reads what PostgreSQL meant from an exception the persistence layers wrapped several times. */
public final class SqlErrors {
  /** SQLSTATE for a unique constraint or index violation. */
  public static final String UNIQUE_VIOLATION = "23505";

  private SqlErrors() {}

  public static boolean isUniqueViolation(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
