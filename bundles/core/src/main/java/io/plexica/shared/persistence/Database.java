package io.plexica.shared.persistence;

import io.plexica.shared.lifecycle.SchemaGate;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.persistence.config.HintValues;
import org.eclipse.persistence.config.QueryHints;

/**
 * The platform's one PostgreSQL database: global data in {@code plexica_core}, each tenant's data
 * in its own schema. Every unit of work gets its own entity manager and resource-local transaction,
 * and a tenant's entity manager comes from an EclipseLink session bound to that tenant's schema
 * ({@link SchemaSessions}), so nothing of one tenant can be read or cached through another's.
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

  @Inject
  @ConfigProperty(name = "plexica.db.tenant-sessions", defaultValue = "" + DEFAULT_TENANT_SESSIONS)
  int tenantSessions;

  @Inject SchemaGate gate;

  private SchemaSessions sessions;

  /** For the container. */
  protected Database() {}

  /** For code running outside the server, such as tests and tools. */
  public Database(DataSource dataSource, int tenantSessions) {
    this.dataSource = dataSource;
    this.sessions = SchemaSessions.on(dataSource, tenantSessions);
    this.gate = new SchemaGate();
  }

  @PostConstruct
  void open() {
    sessions = SchemaSessions.on(dataSource, tenantSessions);
  }

  @PreDestroy
  void close() {
    sessions.close();
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** What holds work on tenant schemas that a start has not upgraded yet. */
  public SchemaGate schemaGate() {
    return gate;
  }

  /** Runs work on global data in one transaction. */
  public <T> T inCore(Function<EntityManager, T> work) {
    return sessions.core(em -> inTransaction(em, work));
  }

  /**
   * Reads global data without opening a transaction: one statement, no BEGIN/COMMIT round trips.
   * For reads that need a consistent view across several statements, use {@link #inCore}.
   */
  public <T> T readCore(Function<EntityManager, T> work) {
    return sessions.core(work);
  }

  /** Like {@link #readCore}, for one tenant's schema. */
  public <T> T readTenant(String schema, Function<EntityManager, T> work) {
    gate.enter(schema);
    return sessions.tenant(schema, work);
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
  public <T> T inTenant(String schema, Function<EntityManager, T> work) {
    gate.enter(schema);
    return sessions.tenant(schema, em -> inTransaction(em, work));
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
