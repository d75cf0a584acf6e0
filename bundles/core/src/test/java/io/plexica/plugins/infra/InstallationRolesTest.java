package io.plexica.plugins.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plexica.shared.persistence.LoginRoles;
import io.plexica.shared.placement.SchemaAddress;
import io.plexica.tenancy.domain.IdentityHome;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.tenancy.infra.PostgresTenantSchemas;
import io.plexica.testing.TestPlatform;
import io.plexica.testing.UsesServices;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL itself keeps a plugin installation's SQL to its own tables (decision 0013), against
 * the real database that {@code bin/plexica test} starts.
 */
@UsesServices
class InstallationRolesTest {
  private final InstallationRoles roles = TestPlatform.installationRoles();
  private final PostgresTenantSchemas schemas = new PostgresTenantSchemas(TestPlatform.database());
  private TenantRef a;
  private TenantRef b;

  @BeforeEach
  void twoTenantSchemas() {
    a = tenant();
    b = tenant();
  }

  @AfterEach
  void dropThem() {
    schemas.drop(a.database());
    schemas.drop(b.database());
  }

  private TenantRef tenant() {
    String suffix = Long.toString(System.nanoTime(), 36);
    TenantRef tenant =
        new TenantRef(
            UUID.randomUUID(),
            "r" + suffix,
            SchemaAddress.main("tenant_roles_" + suffix),
            IdentityHome.ownRealm("r" + suffix));
    schemas.create(tenant.database());
    return tenant;
  }

  @Test
  void anInstallationReachesItsOwnTablesAndNothingElse() throws SQLException {
    run(b, "crm", "CREATE TABLE %s.plugin_crm_contacts (id int)");
    run(a, "notes", "CREATE TABLE %s.plugin_notes_notes (id int)");
    run(a, "crm", "CREATE TABLE %s.plugin_crm_contacts (id int)");
    roles.prepare(a, "crm"); // again, as an upgrade or a re-installation does
    run(a, "crm", "INSERT INTO %s.plugin_crm_contacts VALUES (1)");
    assertThat(count(a, "crm", "SELECT count(*) FROM %s.plugin_crm_contacts")).isEqualTo(1);

    assertRefused(() -> count(a, "crm", "SELECT count(*) FROM \"plexica_core\".tenant"));
    assertRefused(() -> count(a, "crm", "SELECT count(*) FROM plexica_core/**/.tenant"));
    assertRefused(
        () ->
            count(a, "crm", "SELECT count(*) FROM \"" + b.schemaName() + "\".plugin_crm_contacts"));
    assertRefused(() -> count(a, "crm", "SELECT count(*) FROM %s.plugin_notes_notes"));
    assertRefused(
        () -> run(a, "crm", "CREATE VIEW %s.plugin_crm_peek AS SELECT * FROM plexica_core.tenant"));
  }

  @Test
  void anInstallationLogsInWithoutPayingForPasswordStretching() throws Exception {
    run(a, "crm", "CREATE TABLE %s.plugin_crm_contacts (id int)");
    assertThat(scramRoundsAskedOf(roles.of(a, "crm").name()))
        .isEqualTo(InstallationRoles.SCRAM_ITERATIONS);
  }

  /**
   * The PBKDF2 rounds PostgreSQL asks of a client logging in as {@code role}: the {@code i=} of its
   * SCRAM server-first-message (RFC 5802), read off the wire since only a superuser sees the stored
   * secret.
   */
  private static int scramRoundsAskedOf(String role) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(TestPlatform.databaseAddress(), 5_000);
      socket.setSoTimeout(5_000);
      DataOutputStream out = new DataOutputStream(socket.getOutputStream());
      DataInputStream in = new DataInputStream(socket.getInputStream());
      byte[] startup =
          ("user\0" + role + "\0database\0" + TestPlatform.databaseName() + "\0\0")
              .getBytes(StandardCharsets.UTF_8);
      out.writeInt(8 + startup.length);
      out.writeInt(196_608); // protocol 3.0
      out.write(startup);
      out.flush();
      assertThat(authenticationRequest(in).code()).as("AuthenticationSASL").isEqualTo(10);
      byte[] mechanism = "SCRAM-SHA-256\0".getBytes(StandardCharsets.US_ASCII);
      byte[] clientFirst = "n,,n=,r=plexicatestnonce".getBytes(StandardCharsets.US_ASCII);
      out.writeByte('p');
      out.writeInt(4 + mechanism.length + 4 + clientFirst.length);
      out.write(mechanism);
      out.writeInt(clientFirst.length);
      out.write(clientFirst);
      out.flush();
      AuthenticationRequest serverFirst = authenticationRequest(in);
      assertThat(serverFirst.code()).as("AuthenticationSASLContinue").isEqualTo(11);
      Matcher rounds =
          Pattern.compile("(?:^|,)i=(\\d+)")
              .matcher(new String(serverFirst.data(), StandardCharsets.US_ASCII));
      assertThat(rounds.find()).as("an iteration count in the server-first-message").isTrue();
      return Integer.parseInt(rounds.group(1));
    }
  }

  private record AuthenticationRequest(int code, byte[] data) {}

  private static AuthenticationRequest authenticationRequest(DataInputStream in)
      throws IOException {
    assertThat((char) in.readByte()).as("an authentication request").isEqualTo('R');
    byte[] data = new byte[in.readInt() - 8];
    int code = in.readInt();
    in.readFully(data);
    return new AuthenticationRequest(code, data);
  }

  @Test
  void anInstallationCannotClimbBackToThePlatformsUser() throws SQLException {
    String platformUser;
    try (Connection connection = TestPlatform.database().dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet user = statement.executeQuery("SELECT current_user")) {
      user.next();
      platformUser = user.getString(1);
    }
    assertRefused(() -> run(a, "crm", "SET ROLE \"" + platformUser + "\""));
    assertRefused(
        () ->
            count(
                a,
                "crm",
                "SELECT count(*) FROM (SELECT set_config('role', 'none', false)) x,"
                    + " plexica_core.tenant"));
    try (Connection connection = roles.connect(a, "crm");
        Statement statement = connection.createStatement()) {
      statement.execute("RESET ROLE");
      assertThatThrownBy(() -> statement.executeQuery("SELECT count(*) FROM plexica_core.tenant"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("permission denied");
    }
  }

  @Test
  void tablesMadeBeforeRolesAreGivenToTheInstallation() throws SQLException {
    try (Connection connection = TestPlatform.database().dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE \"" + a.schemaName() + "\".plugin_old_items (id serial PRIMARY KEY)");
    }
    run(a, "old", "INSERT INTO %s.plugin_old_items DEFAULT VALUES");
    run(a, "old", "ALTER TABLE %s.plugin_old_items ADD COLUMN name text");
    assertThat(count(a, "old", "SELECT count(*) FROM %s.plugin_old_items")).isEqualTo(1);
  }

  @Test
  void droppingAnInstallationOrItsTenantDropsItsRole() throws SQLException {
    run(a, "crm", "CREATE TABLE %s.plugin_crm_contacts (id int)");
    run(a, "notes", "CREATE TABLE %s.plugin_notes_notes (id int)");
    String crm = roles.of(a, "crm").name();
    String notes = roles.of(a, "notes").name();
    assertThat(crm).startsWith(LoginRoles.PREFIX).isNotEqualTo(roles.of(b, "crm").name());

    roles.drop(a, "crm");
    assertThat(roleExists(crm)).isFalse();
    assertThat(roleExists(notes)).isTrue();
    assertThat(count(a, "notes", "SELECT count(*) FROM %s.plugin_notes_notes")).isZero();

    schemas.drop(a.database());
    assertThat(roleExists(notes)).as("the tenant's schema took its roles").isFalse();
  }

  private boolean roleExists(String role) throws SQLException {
    try (Connection connection = TestPlatform.database().dataSource().getConnection()) {
      return LoginRoles.exists(connection, role);
    }
  }

  private void run(TenantRef tenant, String plugin, String sql) throws SQLException {
    try (Connection connection = roles.connect(tenant, plugin);
        Statement statement = connection.createStatement()) {
      statement.execute(sql.replace("%s", "\"" + tenant.schemaName() + "\""));
    }
  }

  private long count(TenantRef tenant, String plugin, String sql) throws SQLException {
    try (Connection connection = roles.connect(tenant, plugin);
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(sql.replace("%s", "\"" + tenant.schemaName() + "\""))) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static void assertRefused(ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
  }
}
