package io.plexica.shared.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.PersistenceUnit;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.eclipse.persistence.config.HintValues;
import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.eclipse.persistence.config.QueryHints;

/**
 * The platform's one PostgreSQL database: global data in {@code plexica_core}, each tenant's data
 * in its own schema. Every unit of work gets its own entity manager and resource-local transaction,
 * and a tenant's entity manager is bound to that tenant's schema for its whole life, so nothing of
 * one tenant can be read or cached through another's.
 */
@ApplicationScoped
public class Database {
  public static final String CORE_SCHEMA = "plexica_core";

  /**
   * Hint for reads whose results are not changed: EclipseLink then skips registering a working copy
   * in the entity manager, which is most of a simple read's cost.
   */
  public static final Map<String, Object> READ_ONLY = Map.of(QueryHints.READ_ONLY, HintValues.TRUE);

  @PersistenceUnit(unitName = "plexica")
  private EntityManagerFactory entityManagerFactory;

  @Resource(lookup = "jdbc/plexica")
  private DataSource dataSource;

  /** For the container. */
  protected Database() {}

  /** For code running outside the server, such as tests and tools. */
  public Database(EntityManagerFactory entityManagerFactory, DataSource dataSource) {
    this.entityManagerFactory = entityManagerFactory;
    this.dataSource = dataSource;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** Runs work on global data in one transaction. */
  public <T> T inCore(Function<EntityManager, T> work) {
    return inTransaction(entityManagerFactory.createEntityManager(), work);
  }

  /**
   * Reads global data without opening a transaction: one statement, no BEGIN/COMMIT round trips.
   * For reads that need a consistent view across several statements, use {@link #inCore}.
   */
  public <T> T readCore(Function<EntityManager, T> work) {
    return read(entityManagerFactory.createEntityManager(), work);
  }

  /** Like {@link #readCore}, for one tenant's schema. */
  public <T> T readTenant(String schema, Function<EntityManager, T> work) {
    return read(tenantEntityManager(schema), work);
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
   * {@code @Multitenant(TABLE_PER_TENANT)} entity to tables of {@code schema} for this entity
   * manager only; tenant entities are not shared through the second-level cache.
   */
  public <T> T inTenant(String schema, Function<EntityManager, T> work) {
    return inTransaction(tenantEntityManager(schema), work);
  }

  private EntityManager tenantEntityManager(String schema) {
    return entityManagerFactory.createEntityManager(
        Map.of(PersistenceUnitProperties.MULTITENANT_PROPERTY_DEFAULT, schema));
  }

  private static <T> T read(EntityManager em, Function<EntityManager, T> work) {
    try {
      return work.apply(em);
    } finally {
      em.close();
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
    } finally {
      em.close();
    }
  }
}
