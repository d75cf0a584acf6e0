package io.plexica.shared.persistence;

import java.sql.SQLException;

/** Reads what PostgreSQL meant from an exception the persistence layers wrapped several times. */
public final class SqlErrors {
  /** SQLSTATE for a unique constraint or index violation. */
  public static final String UNIQUE_VIOLATION = "23505";

  /** SQLSTATE class 22: a value the database cannot take (out of range, bad encoding, ...). */
  private static final String DATA_EXCEPTION_CLASS = "22";

  private SqlErrors() {}

  /**
   * Whether the database refused a value that came with the request: a number or date out of its
   * range, text it cannot encode. The request was wrong, not the server.
   */
  public static boolean isBadValue(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith(DATA_EXCEPTION_CLASS)) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

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
