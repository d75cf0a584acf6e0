package io.plexica.tenancy.infra;

import io.plexica.shared.persistence.Database;
import io.plexica.shared.persistence.DatabaseClusters;
import io.plexica.shared.persistence.LoginRoles;
import io.plexica.shared.placement.SchemaAddress;
import io.plexica.tenancy.app.TenantSchemas;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
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
  private static final String CLUSTER_MIGRATIONS = "db/cluster";
  private static final String TENANT_MIGRATIONS = "db/tenant";

  private Database database;
  private DatabaseClusters clusters;
  private ResourceProvider coreMigrations;
  private ResourceProvider clusterMigrations;
  private IndexedMigrations tenantMigrations;

  protected PostgresTenantSchemas() {}

  @Inject
  public PostgresTenantSchemas(Database database) {
    this.database = database;
    this.clusters = database.clusters();
    ClassLoader loader = PostgresTenantSchemas.class.getClassLoader();
    this.coreMigrations = new IndexedMigrations(loader, CORE_MIGRATIONS);
    this.clusterMigrations = new IndexedMigrations(loader, CLUSTER_MIGRATIONS);
    this.tenantMigrations = new IndexedMigrations(loader, TENANT_MIGRATIONS);
  }

  @Override
  public void migrateCore() {
    flyway(clusters.main().platform(), Database.CORE_SCHEMA, coreMigrations, true).migrate();
    // The other clusters' plexica_core holds the queues tenant units of work write into.
    for (String id : clusters.ids()) {
      if (!id.equals(DatabaseClusters.MAIN)) {
        flyway(clusters.cluster(id).platform(), Database.CORE_SCHEMA, clusterMigrations, true)
            .migrate();
      }
    }
  }

  @Override
  public void create(SchemaAddress schema) {
    execute(schema, "CREATE SCHEMA " + quoted(schema.schema()));
  }

  /**
   * Drops the schema with everything in it, then the plugin installations' login roles that had
   * rights on it: they can reach nothing else, and a role left behind would be a login to nothing.
   */
  @Override
  public void drop(SchemaAddress schema) {
    List<String> roles;
    try (Connection connection = dataSource(schema).getConnection()) {
      roles = LoginRoles.grantedOn(connection, schema.schema());
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the roles of schema " + schema, e);
    }
    discard(schema);
    try (Connection connection = dataSource(schema).getConnection()) {
      for (String role : roles) {
        LoginRoles.drop(connection, role);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot drop the roles of schema " + schema, e);
    }
  }

  @Override
  public void discard(SchemaAddress schema) {
    execute(schema, "DROP SCHEMA IF EXISTS " + quoted(schema.schema()) + " CASCADE");
  }

  @Override
  public boolean exists(SchemaAddress schema) {
    return database.schemaExists(schema);
  }

  @Override
  public int tenantVersion() {
    return tenantMigrations.newestVersion();
  }

  @Override
  public void migrate(SchemaAddress schema) {
    quoted(schema.schema());
    flyway(dataSource(schema), schema.schema(), tenantMigrations, false).migrate();
  }

  @Override
  public Copied moveRows(SchemaAddress source, SchemaAddress target, Progress progress) {
    quoted(source.schema());
    if (!source.schema().equals(target.schema()) || source.cluster().equals(target.cluster())) {
      throw new IllegalArgumentException(
          "Not a move to another cluster: " + source + " -> " + target);
    }
    try (Connection from = dataSource(source).getConnection();
        Connection to = dataSource(target).getConnection()) {
      return new SchemaCopy(from, to, source.schema()).run(progress);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Could not move " + source + " to " + target + ": " + e.getMessage(), e);
    }
  }

  private DataSource dataSource(SchemaAddress schema) {
    return clusters.holding(schema).platform();
  }

  private static Flyway flyway(
      DataSource dataSource, String schema, ResourceProvider migrations, boolean createSchema) {
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

  private void execute(SchemaAddress schema, String sql) {
    try (Connection connection = dataSource(schema).getConnection();
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
