package io.plexica.plugins.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plexica.shared.persistence.LoginRoles;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.tenancy.infra.PostgresTenantSchemas;
import io.plexica.testing.TestPlatform;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL itself keeps a plugin installation's SQL to its own tables (decision 0013), against
 * the real database that {@code bin/plexica test} starts.
 */
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
    schemas.drop(a.schemaName());
    schemas.drop(b.schemaName());
  }

  private TenantRef tenant() {
    String suffix = Long.toString(System.nanoTime(), 36);
    TenantRef tenant = new TenantRef(UUID.randomUUID(), "r" + suffix, "tenant_roles_" + suffix);
    schemas.create(tenant.schemaName());
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

    schemas.drop(a.schemaName());
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
