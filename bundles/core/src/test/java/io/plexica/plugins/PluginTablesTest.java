package io.plexica.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plexica.plugins.domain.PluginTables;
import io.plexica.shared.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** How plugin SQL reaches the plugin's tables, and only them by name. */
class PluginTablesTest {

  @Test
  void placeholdersBecomeThePluginsTablesInTheTenantsSchema() {
    assertThat(
            PluginTables.resolve(
                "SELECT c.name FROM ${contacts} c JOIN ${companies} co ON co.id = c.company_id;",
                "tenant_acme",
                "my-crm"))
        .isEqualTo(
            "SELECT c.name FROM \"tenant_acme\".\"plugin_my_crm_contacts\" c JOIN"
                + " \"tenant_acme\".\"plugin_my_crm_companies\" co ON co.id = c.company_id");
    assertThat(PluginTables.names("INSERT INTO ${a} SELECT * FROM ${b} JOIN ${a}"))
        .containsExactly("a", "b");
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
      assertThatThrownBy(() -> PluginTables.resolve(sql, "tenant_acme", "crm"))
          .as(sql)
          .isInstanceOfSatisfying(
              ProblemException.class,
              e -> assertThat(e.type()).isEqualTo(PluginTables.SQL_REFUSED));
    }
  }
}
