package io.plexica.tenancy.infra;

import io.plexica.shared.persistence.Database;
import io.plexica.shared.persistence.LoginRoles;
import io.plexica.tenancy.app.TenantSchemas;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.ResourceProvider;

/** Schemas and their Flyway migrations on PostgreSQL. */
@ApplicationScoped
public class PostgresTenantSchemas implements TenantSchemas {
  /** Schema names are built by the platform; this guards the one place they enter SQL text. */
  private static final Pattern SCHEMA_NAME = Pattern.compile("^[a-z][a-z0-9_]{0,62}$");

  private static final String CORE_MIGRATIONS = "db/core";
  private static final String TENANT_MIGRATIONS = "db/tenant";

  private DataSource dataSource;
  private ResourceProvider coreMigrations;
  private IndexedMigrations tenantMigrations;

  protected PostgresTenantSchemas() {}

  @Inject
  public PostgresTenantSchemas(Database database) {
    this.dataSource = database.dataSource();
    ClassLoader loader = PostgresTenantSchemas.class.getClassLoader();
    this.coreMigrations = new IndexedMigrations(loader, CORE_MIGRATIONS);
    this.tenantMigrations = new IndexedMigrations(loader, TENANT_MIGRATIONS);
  }

  @Override
  public void migrateCore() {
    flyway(Database.CORE_SCHEMA, coreMigrations, true).migrate();
  }

  @Override
  public void create(String schema) {
    execute("CREATE SCHEMA " + quoted(schema));
  }

  /**
   * Drops the schema with everything in it, then the plugin installations' login roles that had
   * rights on it: they can reach nothing else, and a role left behind would be a login to nothing.
   */
  @Override
  public void drop(String schema) {
    String sql = "DROP SCHEMA IF EXISTS " + quoted(schema) + " CASCADE";
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      List<String> roles = LoginRoles.grantedOn(connection, schema);
      statement.execute(sql);
      for (String role : roles) {
        LoginRoles.drop(connection, role);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Failed: " + sql + " (" + e.getMessage() + ")", e);
    }
  }

  @Override
  public boolean exists(String schema) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
      query.setString(1, schema);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot look up schema " + schema, e);
    }
  }

  @Override
  public int tenantVersion() {
    return tenantMigrations.newestVersion();
  }

  @Override
  public void migrate(String schema) {
    quoted(schema);
    flyway(schema, tenantMigrations, false).migrate();
  }

  private Flyway flyway(String schema, ResourceProvider migrations, boolean createSchema) {
    return Flyway.configure(PostgresTenantSchemas.class.getClassLoader())
        .dataSource(dataSource)
        .schemas(schema)
        .defaultSchema(schema)
        .createSchemas(createSchema)
        .resourceProvider(migrations)
        .javaMigrationClassProvider(List::of)
        .callbackLocations(new String[0])
        .load();
  }

  private void execute(String sql) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("Failed: " + sql + " (" + e.getMessage() + ")", e);
    }
  }

  private static String quoted(String schema) {
    if (schema == null || !SCHEMA_NAME.matcher(schema).matches()) {
      throw new IllegalArgumentException("Not a platform schema name: " + schema);
    }
    return '"' + schema + '"';
  }
}
