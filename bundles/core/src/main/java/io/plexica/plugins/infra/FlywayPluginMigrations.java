package io.plexica.plugins.infra;

import io.plexica.plugincheck.BundleEntries;
import io.plexica.plugins.app.PluginMigrations;
import io.plexica.plugins.domain.PluginManifest;
import io.plexica.plugins.domain.PluginProblems;
import io.plexica.plugins.domain.PluginTables;
import io.plexica.shared.persistence.DatabaseClusters;
import io.plexica.shared.problem.ProblemException;
import io.plexica.tenancy.domain.TenantRef;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * Runs the migrations a plugin ships ({@code <migrations>/V<n>__<what>.sql} inside its bundle) with
 * Flyway in a tenant's schema: a history table per plugin, {@code ${name}} placeholders for the
 * plugin's tables, and every pending migration in one transaction. They run logged in as the
 * installation's own role ({@link InstallationRoles}): what a migration may touch is PostgreSQL's
 * decision, not the text's.
 */
public class FlywayPluginMigrations implements PluginMigrations {
  private static final Pattern MIGRATION =
      Pattern.compile("V[0-9]+(_[0-9]+)*__[A-Za-z0-9_]+\\.sql");

  private final DatabaseClusters clusters;
  private final InstallationRoles roles;

  /**
   * @param clusters the platform's own connections to each cluster, for listing and dropping the
   *     plugin's tables in a tenant's schema there
   * @param roles the installations' roles, which run the migrations
   */
  public FlywayPluginMigrations(DatabaseClusters clusters, InstallationRoles roles) {
    this.clusters = clusters;
    this.roles = roles;
  }

  private Connection platformConnection(TenantRef tenant) throws SQLException {
    return clusters.holding(tenant.database()).platform().getConnection();
  }

  @Override
  public void migrate(TenantRef tenant, PluginManifest manifest, byte[] bundle) {
    Map<String, String> scripts = scripts(bundle, manifest.migrations());
    if (scripts.isEmpty()) {
      return;
    }
    Map<String, String> tables = new HashMap<>();
    scripts.values().stream()
        .flatMap(sql -> PluginTables.names(sql).stream())
        .forEach(name -> tables.put(name, PluginTables.prefix(manifest.id()) + name));
    // A first installation whose migrations fail leaves nothing: Flyway makes the history table
    // before the migrations' transaction, so it is dropped with the role.
    boolean first = !hasTables(tenant, manifest.id());
    try {
      roles.prepare(tenant, manifest.id());
      Flyway.configure(FlywayPluginMigrations.class.getClassLoader())
          .dataSource(roles.dataSource(tenant, manifest.id()))
          .schemas(tenant.schemaName())
          .defaultSchema(tenant.schemaName())
          .createSchemas(false)
          .table(PluginTables.prefix(manifest.id()) + "history")
          .resourceProvider(new Scripts(scripts))
          .javaMigrationClassProvider(List::of)
          .callbackLocations(new String[0])
          .placeholders(tables)
          .group(true)
          // The tenant's schema is never empty; the plugin's history starts below its V1.
          .baselineOnMigrate(true)
          .baselineVersion("0")
          .load()
          .migrate();
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Could not prepare the database role of plugin " + manifest.id(), e);
    } catch (FlywayException e) {
      if (first) {
        try {
          purge(tenant, manifest.id());
        } catch (RuntimeException cleanup) {
          e.addSuppressed(cleanup);
        }
      }
      throw new ProblemException(
          PluginProblems.MIGRATION_FAILED,
          "Plugin '"
              + manifest.id()
              + "' "
              + manifest.version()
              + ": a migration failed and none"
              + " was applied: "
              + e.getMessage(),
          e);
    }
  }

  @Override
  public boolean hasTables(TenantRef tenant, String pluginId) {
    try (Connection connection = platformConnection(tenant)) {
      return !tables(connection, tenant, pluginId).isEmpty();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not list the tables of plugin " + pluginId, e);
    }
  }

  /** The plugin's relations in the tenant's schema, views first: they depend on the tables. */
  private static List<Relation> tables(Connection connection, TenantRef tenant, String pluginId)
      throws SQLException {
    String like = PluginTables.prefix(pluginId).replace("_", "\\_") + "%";
    List<Relation> relations = new ArrayList<>();
    try (PreparedStatement find =
        connection.prepareStatement(
            "SELECT c.relname, c.relkind = 'v' FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND c.relname LIKE ? AND c.relkind IN ('r', 'p', 'v')"
                + " ORDER BY c.relkind = 'v' DESC, c.relname")) {
      find.setString(1, tenant.schemaName());
      find.setString(2, like);
      try (ResultSet rows = find.executeQuery()) {
        while (rows.next()) {
          relations.add(new Relation(rows.getString(1), rows.getBoolean(2)));
        }
      }
    }
    return relations;
  }

  private record Relation(String name, boolean view) {}

  @Override
  public void shareViews(TenantRef tenant, String ownerId, List<String> views, String readerId) {
    try {
      roles.prepare(tenant, ownerId);
      roles.prepare(tenant, readerId);
      roles.grantSelect(
          tenant,
          views.stream().map(view -> PluginTables.prefix(ownerId) + view).toList(),
          readerId);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Could not share the views of plugin " + ownerId + " with " + readerId, e);
    }
  }

  @Override
  public void purge(TenantRef tenant, String pluginId) {
    try (Connection connection = platformConnection(tenant)) {
      List<Relation> relations = tables(connection, tenant, pluginId);
      try (Statement drop = connection.createStatement()) {
        for (Relation relation : relations) {
          drop.execute(
              "DROP "
                  + (relation.view() ? "VIEW" : "TABLE")
                  + " IF EXISTS \""
                  + tenant.schemaName()
                  + "\".\""
                  + relation.name()
                  + "\" CASCADE");
        }
      }
      roles.drop(tenant, pluginId);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not drop the tables of plugin " + pluginId, e);
    }
  }

  /** The migration scripts of the bundle, by file name, inflated within bounds. */
  static Map<String, String> scripts(byte[] bundle, String folder) {
    Map<String, String> scripts = new TreeMap<>();
    BundleEntries.migrationScripts(bundle, folder, file -> MIGRATION.matcher(file).matches())
        .forEach((file, content) -> scripts.put(file, new String(content, StandardCharsets.UTF_8)));
    return scripts;
  }

  /** Flyway's view of the scripts held in memory. */
  private record Scripts(Map<String, String> files) implements ResourceProvider {
    @Override
    public LoadableResource getResource(String name) {
      String file = name.contains("/") ? name.substring(name.lastIndexOf('/') + 1) : name;
      return files.containsKey(file) ? new Script(file, files.get(file)) : null;
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
      return files.entrySet().stream()
          .filter(
              f ->
                  f.getKey().startsWith(prefix)
                      && Arrays.stream(suffixes).anyMatch(f.getKey()::endsWith))
          .map(f -> (LoadableResource) new Script(f.getKey(), f.getValue()))
          .toList();
    }
  }

  private static final class Script extends LoadableResource {
    private final String file;
    private final String sql;

    Script(String file, String sql) {
      this.file = file;
      this.sql = sql;
    }

    @Override
    public Reader read() {
      return new StringReader(sql);
    }

    @Override
    public String getAbsolutePath() {
      return file;
    }

    @Override
    public String getAbsolutePathOnDisk() {
      return file;
    }

    @Override
    public String getFilename() {
      return file;
    }

    @Override
    public String getRelativePath() {
      return file;
    }
  }
}
