package io.plexica.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plexica.plugins.domain.PluginTables;
import io.plexica.shared.problem.ProblemException;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How plugin SQL reaches the plugin's tables, and only them by name. */
class PluginTablesTest {

  @Test
  void placeholdersBecomeThePluginsTablesInTheTenantsSchema() {
    assertThat(
            PluginTables.resolve(
                "SELECT c.name FROM ${contacts} c JOIN ${companies} co ON co.id = c.company_id;",
                "tenant_acme",
                "my-crm",
                Optional.empty()))
        .isEqualTo(
            "SELECT c.name FROM \"tenant_acme\".\"plugin_my_crm_contacts\" c JOIN"
                + " \"tenant_acme\".\"plugin_my_crm_companies\" co ON co.id = c.company_id");
    assertThat(PluginTables.names("INSERT INTO ${a} SELECT * FROM ${b} JOIN ${a}"))
        .containsExactly("a", "b");
  }

  /**
   * {@code ${owner:name}} names another plugin's view; PostgreSQL decides whether it may be read.
   */
  @Test
  void anotherPluginsViewIsNamedWithItsIdAndIsNoTableOfTheMigrations() {
    assertThat(
            PluginTables.resolve(
                "SELECT name FROM ${my-crm:contact_directory} d JOIN ${sent} s ON s.id = d.id",
                "tenant_acme",
                "newsletter",
                Optional.empty()))
        .isEqualTo(
            "SELECT name FROM \"tenant_acme\".\"plugin_my_crm_contact_directory\" d JOIN"
                + " \"tenant_acme\".\"plugin_newsletter_sent\" s ON s.id = d.id");
    assertThat(PluginTables.names("SELECT * FROM ${crm:contact_directory} JOIN ${sent}"))
        .containsExactly("sent");
  }

  @Test
  void workspacePlaceholderIsTheCallsWorkspaceAndNeedsOne() {
    UUID workspace = UUID.fromString("6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f");
    assertThat(
            PluginTables.resolve(
                "SELECT * FROM ${notes} WHERE workspace_id = ${workspace}",
                "tenant_acme",
                "notes",
                Optional.of(workspace)))
        .isEqualTo(
            "SELECT * FROM \"tenant_acme\".\"plugin_notes_notes\" WHERE workspace_id = '"
                + workspace
                + "'::uuid");
    assertThat(PluginTables.names("SELECT * FROM ${notes} WHERE w = ${workspace}"))
        .containsExactly("notes");
    assertThatThrownBy(
            () ->
                PluginTables.resolve(
                    "SELECT * FROM ${notes} WHERE workspace_id = ${workspace}",
                    "tenant_acme",
                    "notes",
                    Optional.empty()))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.type()).isEqualTo(PluginTables.WORKSPACE_REQUIRED));
  }

  @Test
  void otherSchemasAndSeveralStatementsAreRefused() {
    for (String sql :
        new String[] {
          "SELECT * FROM plexica_core.tenant",
          "SELECT * FROM tenant_other.users",
          "SELECT * FROM ${contacts}; DROP TABLE ${contacts}",
          "SELECT * FROM pg_catalog.pg_tables",
          "select * from PUBLIC.x"
        }) {
      assertThatThrownBy(() -> PluginTables.resolve(sql, "tenant_acme", "crm", Optional.empty()))
          .as(sql)
          .isInstanceOfSatisfying(
              ProblemException.class,
              e -> assertThat(e.type()).isEqualTo(PluginTables.SQL_REFUSED));
    }
  }
}
