package io.plexica.shared.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The PostgreSQL login roles the platform makes for code it does not trust with its own account (a
 * plugin installation's SQL: decision 0013). They are all named {@code plx_...}, hold rights on one
 * tenant schema only, and are granted to the platform's user so that it can drop what they own.
 */
public final class LoginRoles {
  /** The first characters of every such role's name; no other role may be named so. */
  public static final String PREFIX = "plx_";

  private LoginRoles() {}

  /** Drops a role and everything it owns or was granted in this database; none is no error. */
  public static void drop(Connection connection, String role) throws SQLException {
    if (!exists(connection, role)) {
      return;
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("DROP OWNED BY " + quoted(role));
      statement.execute("DROP ROLE IF EXISTS " + quoted(role));
    }
  }

  /** The platform's login roles that hold a right on the schema (before it is dropped). */
  public static List<String> grantedOn(Connection connection, String schema) throws SQLException {
    List<String> roles = new ArrayList<>();
    try (PreparedStatement find =
        connection.prepareStatement(
            "SELECT DISTINCT r.rolname FROM pg_namespace n"
                + " CROSS JOIN LATERAL aclexplode(n.nspacl) AS acl"
                + " JOIN pg_roles r ON r.oid = acl.grantee"
                + " WHERE n.nspname = ? AND starts_with(r.rolname, ?)")) {
      find.setString(1, schema);
      find.setString(2, PREFIX);
      try (ResultSet rows = find.executeQuery()) {
        while (rows.next()) {
          roles.add(rows.getString(1));
        }
      }
    }
    return roles;
  }

  public static boolean exists(Connection connection, String role) throws SQLException {
    try (PreparedStatement find =
        connection.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
      find.setString(1, role);
      try (ResultSet rows = find.executeQuery()) {
        return rows.next();
      }
    }
  }

  /**
   * A role name as an SQL identifier; the platform's names are hex, the check is belt and braces.
   */
  public static String quoted(String role) {
    if (!role.matches("[a-z0-9_]{1,63}")) {
      throw new IllegalArgumentException("Not a platform role name: " + role);
    }
    return '"' + role + '"';
  }
}
