package io.plexica.plugins.infra;

import io.plexica.plugins.domain.PluginTables;
import io.plexica.shared.persistence.DatabaseClusters;
import io.plexica.shared.persistence.LoginRoles;
import io.plexica.tenancy.domain.TenantRef;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

/**
 * The PostgreSQL login role of each plugin installation (decision 0013): a plugin's SQL and its
 * migrations run on connections that logged in as a role holding USAGE and CREATE on its tenant's
 * schema and owning the plugin's tables there, nothing else. PostgreSQL, not a text check, keeps it
 * out of {@code plexica_core}, other tenants and other plugins.
 *
 * <p>The role's name is a hash of tenant id and plugin id; its password an HMAC of the name with
 * the server's secret, so every replica can log in without a stored password. A role is made ready
 * (created, granted, given the plugin's older tables) the first time a node uses it.
 */
public class InstallationRoles {
  /** PBKDF2 rounds of an installation role's SCRAM secret (why so few: {@link #prepare}). */
  static final int SCRAM_ITERATIONS = 16;

  private final DatabaseClusters clusters;
  private final SecretKeySpec secret;
  private final Set<String> ready = ConcurrentHashMap.newKeySet();

  /**
   * @param clusters per cluster, connections as the platform's own user, which needs CREATEROLE,
   *     and connections authenticated per call with {@link DataSource#getConnection(String,
   *     String)}; a role lives on the cluster of its tenant's data
   * @param secret the server secret the roles' passwords are derived from (32 bytes or more)
   */
  public InstallationRoles(DatabaseClusters clusters, String secret) {
    byte[] key = secret.getBytes(StandardCharsets.UTF_8);
    if (key.length < 32) {
      throw new IllegalArgumentException(
          "plexica.plugins.db-secret must be at least 32 bytes long");
    }
    this.clusters = clusters;
    this.secret = new SecretKeySpec(key, "HmacSHA256");
  }

  /** The role of a plugin's installation in a tenant. */
  public record Role(String name, String password) {
    @Override
    public String toString() {
      return name;
    }
  }

  public Role of(TenantRef tenant, String pluginId) {
    String name = LoginRoles.PREFIX + hex(sha256(tenant.id() + "/" + pluginId)).substring(0, 28);
    return new Role(name, hex(hmac(name)));
  }

  /** A connection logged in as the installation's role. */
  public Connection connect(TenantRef tenant, String pluginId) throws SQLException {
    Role role = of(tenant, pluginId);
    if (!ready.contains(readyKey(tenant, role))) {
      prepare(tenant, pluginId);
    }
    DataSource logins = clusters.holding(tenant.database()).pluginLogins();
    try {
      return logins.getConnection(role.name(), role.password());
    } catch (SQLException e) {
      if (!loginRefused(e)) {
        throw e;
      }
      // Another node purged the installation and it came back, or the secret changed.
      ready.remove(readyKey(tenant, role));
      prepare(tenant, pluginId);
      return logins.getConnection(role.name(), role.password());
    }
  }

  /** The installation's connections as a data source, for Flyway. */
  public DataSource dataSource(TenantRef tenant, String pluginId) {
    return new RoleDataSource(tenant, pluginId);
  }

  /**
   * Creates the role when missing, sets its password, grants it the tenant's schema and gives it
   * the plugin's tables made before roles existed. Idempotent; replicas serialise on a lock.
   */
  public void prepare(TenantRef tenant, String pluginId) throws SQLException {
    Role role = of(tenant, pluginId);
    String quoted = LoginRoles.quoted(role.name());
    underLock(
        tenant,
        role,
        connection -> {
          try (Statement statement = connection.createStatement()) {
            // SCRAM's 4,096 PBKDF2 rounds slow down guessing a person's password; this one is 256
            // random bits, which no number of guesses reaches. They would cost both the server and
            // the driver milliseconds of CPU at every login, and a busy node logs in as many
            // installations (measured under load: 6 % of a replica's CPU), so it gets a handful.
            statement.execute("SET LOCAL scram_iterations = " + SCRAM_ITERATIONS);
            // The password is hex: nothing in it needs quoting. Only a superuser may name the
            // REPLICATION attribute in ALTER ROLE, so an existing role gets its login and password.
            String password = " PASSWORD '" + role.password() + "'";
            statement.execute(
                LoginRoles.exists(connection, role.name())
                    ? "ALTER ROLE " + quoted + " WITH LOGIN" + password
                    : "CREATE ROLE "
                        + quoted
                        + " LOGIN NOINHERIT NOCREATEDB NOCREATEROLE NOREPLICATION CONNECTION LIMIT 20"
                        + password);
            if (!memberOf(connection, role)) {
              statement.execute("GRANT " + quoted + " TO CURRENT_USER WITH INHERIT TRUE, SET TRUE");
            }
            statement.execute("GRANT USAGE, CREATE ON SCHEMA " + schema(tenant) + " TO " + quoted);
            for (String alter : ownershipToTransfer(connection, tenant, pluginId, role)) {
              statement.execute(alter + " OWNER TO " + quoted);
            }
          }
        });
    ready.add(readyKey(tenant, role));
  }

  /** Roles are a cluster's: the same tenant's role is prepared anew on another cluster. */
  private static String readyKey(TenantRef tenant, Role role) {
    return tenant.database().cluster() + "/" + role.name();
  }

  /**
   * Lets the installation of {@code readerId} read these relations of the tenant's schema (another
   * plugin's shared views); a relation that does not exist (yet) is skipped. The platform's user
   * grants as a member of the owner's role.
   */
  public void grantSelect(TenantRef tenant, List<String> relations, String readerId)
      throws SQLException {
    Role reader = of(tenant, readerId);
    underLock(
        tenant,
        reader,
        connection -> {
          for (String relation : relations) {
            if (!relation.matches("[a-z0-9_]{1,63}")) {
              throw new IllegalArgumentException("Not a plugin relation: " + relation);
            }
            String qualified = schema(tenant) + ".\"" + relation + '"';
            try (PreparedStatement exists = connection.prepareStatement("SELECT to_regclass(?)")) {
              exists.setString(1, qualified);
              try (ResultSet row = exists.executeQuery()) {
                if (!row.next() || row.getString(1) == null) {
                  continue;
                }
              }
            }
            try (Statement grant = connection.createStatement()) {
              grant.execute(
                  "GRANT SELECT ON " + qualified + " TO " + LoginRoles.quoted(reader.name()));
            }
          }
        });
  }

  /** Drops the installation's role with whatever it still owns (its tables included). */
  public void drop(TenantRef tenant, String pluginId) throws SQLException {
    Role role = of(tenant, pluginId);
    ready.remove(readyKey(tenant, role));
    underLock(tenant, role, connection -> LoginRoles.drop(connection, role.name()));
  }

  /** What changes a role, as the platform's user, in one transaction that replicas serialise. */
  private interface RoleWork {
    void run(Connection connection) throws SQLException;
  }

  private void underLock(TenantRef tenant, Role role, RoleWork work) throws SQLException {
    try (Connection connection = clusters.holding(tenant.database()).platform().getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        lock(connection, role);
        work.run(connection);
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    }
  }

  private static void lock(Connection connection, Role role) throws SQLException {
    try (PreparedStatement lock =
        connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
      lock.setString(1, role.name());
      lock.execute();
    }
  }

  private static boolean memberOf(Connection connection, Role role) throws SQLException {
    try (PreparedStatement member =
        connection.prepareStatement(
            "SELECT pg_has_role(current_user, ?, 'USAGE') AND pg_has_role(current_user, ?, 'SET')"
                + " AND NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)")) {
      member.setString(1, role.name());
      member.setString(2, role.name());
      try (ResultSet rows = member.executeQuery()) {
        return rows.next() && rows.getBoolean(1);
      }
    }
  }

  /**
   * The "ALTER ..." heads for the plugin's relations another user owns: tables before sequences, as
   * a sequence that belongs to a column follows its table.
   */
  private static List<String> ownershipToTransfer(
      Connection connection, TenantRef tenant, String pluginId, Role role) throws SQLException {
    List<String> alters = new ArrayList<>();
    try (PreparedStatement find =
        connection.prepareStatement(
            "SELECT c.relname, c.relkind FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND starts_with(c.relname, ?)"
                + " AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')"
                + " AND pg_get_userbyid(c.relowner) <> ?"
                + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass"
                + "   AND d.objid = c.oid AND d.deptype IN ('a', 'i'))"
                + " ORDER BY c.relkind = 'S', c.relname")) {
      find.setString(1, tenant.schemaName());
      find.setString(2, PluginTables.prefix(pluginId));
      find.setString(3, role.name());
      try (ResultSet rows = find.executeQuery()) {
        while (rows.next()) {
          String kind =
              switch (rows.getString(2)) {
                case "v" -> "VIEW";
                case "m" -> "MATERIALIZED VIEW";
                case "f" -> "FOREIGN TABLE";
                case "S" -> "SEQUENCE";
                default -> "TABLE";
              };
          alters.add("ALTER " + kind + " " + schema(tenant) + ".\"" + rows.getString(1) + '"');
        }
      }
    }
    return alters;
  }

  private static String schema(TenantRef tenant) {
    if (!tenant.schemaName().matches("[a-z0-9_]{1,63}")) {
      throw new IllegalArgumentException("Not a tenant schema: " + tenant.schemaName());
    }
    return '"' + tenant.schemaName() + '"';
  }

  /** 28000 invalid authorization, 28P01 invalid password: the role is gone or changed. */
  private static boolean loginRefused(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("28")) {
        return true;
      }
    }
    return false;
  }

  private byte[] hmac(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(secret);
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  /** One installation's logins as a {@link DataSource}. */
  private final class RoleDataSource implements DataSource {
    private final TenantRef tenant;
    private final String pluginId;

    RoleDataSource(TenantRef tenant, String pluginId) {
      this.tenant = tenant;
      this.pluginId = pluginId;
    }

    @Override
    public Connection getConnection() throws SQLException {
      return connect(tenant, pluginId);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      throw new SQLFeatureNotSupportedException("An installation logs in as its own role only");
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
      // Nothing is logged through a writer.
    }

    @Override
    public void setLoginTimeout(int seconds) {
      // The pool's timeout applies.
    }

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      throw new SQLException("Not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return false;
    }
  }
}
