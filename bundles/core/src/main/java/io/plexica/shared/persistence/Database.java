package io.plexica.shared.persistence;

import io.plexica.shared.lifecycle.SchemaGate;
import io.plexica.shared.placement.SchemaAddress;
import io.plexica.shared.problem.ProblemException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.persistence.config.HintValues;
import org.eclipse.persistence.config.QueryHints;

/**
 * The platform's PostgreSQL: global data in {@code plexica_core} on the main cluster, each tenant's
 * data in its own schema on the cluster its placement names ({@link DatabaseClusters}). Every unit
 * of work gets its own entity manager and resource-local transaction, and a tenant's entity manager
 * comes from an EclipseLink session bound to that tenant's schema on its cluster ({@link
 * SchemaSessions}), so nothing of one tenant can be read or cached through another's.
 */
@ApplicationScoped
public class Database {
  public static final String CORE_SCHEMA = "plexica_core";

  /**
   * Hint for reads whose results are not changed: EclipseLink then skips registering a working copy
   * in the entity manager, which is most of a simple read's cost.
   */
  public static final Map<String, Object> READ_ONLY = Map.of(QueryHints.READ_ONLY, HintValues.TRUE);

  /** Tenant sessions kept open when nothing is configured (about 250 KB each). */
  public static final int DEFAULT_TENANT_SESSIONS = 300;

  @Resource(lookup = "jdbc/plexica")
  private DataSource dataSource;

  /** Connections that log in as the caller says: each plugin installation as its own role. */
  @Resource(
      lookup = "jdbc/plexica-plugins",
      authenticationType = Resource.AuthenticationType.APPLICATION)
  private DataSource pluginLogins;

  @Inject
  @ConfigProperty(name = "plexica.db.tenant-sessions", defaultValue = "" + DEFAULT_TENANT_SESSIONS)
  int tenantSessions;

  /**
   * Ids of the clusters beside the main one; each is reached through the data sources {@code
   * jdbc/plexica-<id>} and {@code jdbc/plexica-plugins-<id>} (docs/operations.md, "Database
   * clusters").
   */
  @Inject
  @ConfigProperty(name = "plexica.db.clusters")
  Optional<List<String>> otherClusters;

  @Inject SchemaGate gate;

  private DatabaseClusters clusters;
  private Map<String, SchemaSessions> sessions;

  /** For the container. */
  protected Database() {}

  /** For code running outside the server, such as tests and tools. */
  public Database(DatabaseClusters clusters, int tenantSessions) {
    this.clusters = clusters;
    this.sessions = sessionsOn(clusters, tenantSessions);
    this.gate = new SchemaGate();
  }

  @PostConstruct
  void open() {
    List<DatabaseClusters.Cluster> others = new ArrayList<>();
    for (String id : otherClusters.orElse(List.of())) {
      if (!id.isBlank() && !DatabaseClusters.MAIN.equals(id.strip())) {
        others.add(lookUp(id.strip()));
      }
    }
    clusters =
        DatabaseClusters.of(
            new DatabaseClusters.Cluster(DatabaseClusters.MAIN, dataSource, pluginLogins), others);
    sessions = sessionsOn(clusters, tenantSessions);
  }

  private static DatabaseClusters.Cluster lookUp(String id) {
    if (!SchemaAddress.isClusterId(id)) {
      throw new IllegalStateException(
          "plexica.db.clusters: '" + id + "' is not a cluster id (a-z, 0-9, -; 30 at most)");
    }
    try {
      InitialContext names = new InitialContext();
      return new DatabaseClusters.Cluster(
          id,
          (DataSource) names.lookup("jdbc/plexica-" + id),
          (DataSource) names.lookup("jdbc/plexica-plugins-" + id));
    } catch (NamingException e) {
      throw new IllegalStateException(
          "Database cluster "
              + id
              + " is configured (plexica.db.clusters) but its data sources jdbc/plexica-"
              + id
              + " and jdbc/plexica-plugins-"
              + id
              + " are not: "
              + e.getMessage(),
          e);
    }
  }

  /**
   * Each cluster's tenant sessions. Core work goes to the main cluster's only; the core session the
   * others' holders also open is never used (EclipseLink deploys a factory at its first entity
   * manager, so it costs nothing until then).
   */
  private static Map<String, SchemaSessions> sessionsOn(DatabaseClusters clusters, int max) {
    Map<String, SchemaSessions> byCluster = new LinkedHashMap<>();
    for (String id : clusters.ids()) {
      byCluster.put(id, SchemaSessions.on(clusters.cluster(id).platform(), max));
    }
    return byCluster;
  }

  @PreDestroy
  void close() {
    sessions.values().forEach(SchemaSessions::close);
  }

  /** The main cluster's connections, which hold {@code plexica_core}. */
  public DataSource dataSource() {
    return clusters.main().platform();
  }

  /** Every cluster tenant data may live on. */
  public DatabaseClusters clusters() {
    return clusters;
  }

  /** What holds work on tenant schemas that a start has not upgraded yet. */
  public SchemaGate schemaGate() {
    return gate;
  }

  /** Runs work on global data in one transaction. */
  public <T> T inCore(Function<EntityManager, T> work) {
    return core().core(em -> inTransaction(em, work));
  }

  /**
   * Reads global data without opening a transaction: one statement, no BEGIN/COMMIT round trips.
   * For reads that need a consistent view across several statements, use {@link #inCore}.
   */
  public <T> T readCore(Function<EntityManager, T> work) {
    return core().core(work);
  }

  private SchemaSessions core() {
    return sessions.get(DatabaseClusters.MAIN);
  }

  private SchemaSessions on(SchemaAddress schema) {
    SchemaSessions cluster = sessions.get(schema.cluster());
    if (cluster == null) {
      clusters.cluster(schema.cluster());
    }
    return cluster;
  }

  /** Like {@link #readCore}, for one tenant's schema. */
  public <T> T readTenant(SchemaAddress schema, Function<EntityManager, T> work) {
    gate.enter(schema.schema());
    try {
      return on(schema).tenant(schema.schema(), work);
    } catch (RuntimeException e) {
      throw goneFrom(schema, e);
    }
  }

  public void inCoreDo(Consumer<EntityManager> work) {
    inCore(
        em -> {
          work.accept(em);
          return null;
        });
  }

  /**
   * Runs work on one tenant's data in one transaction. EclipseLink resolves every
   * {@code @Multitenant(TABLE_PER_TENANT)} entity to tables of {@code schema}, through a session
   * that serves that schema only; tenant entities are not shared through a second-level cache. A
   * schema that a start has not upgraded yet is upgraded first ({@link SchemaGate}).
   */
  public <T> T inTenant(SchemaAddress schema, Function<EntityManager, T> work) {
    gate.enter(schema.schema());
    try {
      return on(schema).tenant(schema.schema(), em -> inTransaction(em, work));
    } catch (RuntimeException e) {
      throw goneFrom(schema, e);
    }
  }

  /**
   * The failure, or, when the schema is no longer where this work looked for it (the tenant's data
   * moved to another cluster while the work waited, or since its tenant was resolved), a 503 to be
   * retried: the next attempt finds the data where it is now.
   */
  private RuntimeException goneFrom(SchemaAddress schema, RuntimeException failure) {
    if (failure instanceof ProblemException) {
      return failure;
    }
    try {
      if (schemaExists(schema)) {
        return failure;
      }
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
      return failure;
    }
    return new ProblemException(
        SchemaGate.SCHEMA_UNAVAILABLE,
        "This organization's data has just moved to another database; try again.",
        failure);
  }

  /** Whether the schema exists on its cluster. */
  public boolean schemaExists(SchemaAddress schema) {
    try (Connection connection = clusters.holding(schema).platform().getConnection();
        PreparedStatement query =
            connection.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
      query.setString(1, schema.schema());
      try (ResultSet rows = query.executeQuery()) {
        return rows.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot look up schema " + schema, e);
    }
  }

  private static <T> T inTransaction(EntityManager em, Function<EntityManager, T> work) {
    EntityTransaction tx = em.getTransaction();
    try {
      tx.begin();
      T result = work.apply(em);
      tx.commit();
      return result;
    } catch (RuntimeException e) {
      if (tx.isActive()) {
        tx.rollback();
      }
      throw e;
    }
  }
}
