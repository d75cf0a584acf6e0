package io.plexica.shared.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javax.sql.DataSource;
import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.eclipse.persistence.jpa.PersistenceProvider;

/**
 * One EclipseLink session (entity manager factory) per tenant schema, the most recently used kept.
 *
 * <p>Why not one factory for all tenants: EclipseLink then copies and initialises every {@code
 * TABLE_PER_TENANT} descriptor for each entity manager (about 90 µs of CPU, a quarter of a
 * workspace read under load), and every core entity manager copies them too (about 30 µs). A
 * factory whose tenant is fixed when it is created initialises its descriptors once, for that
 * schema: its entity managers cost about 1 µs, and the schema is still written into every
 * statement, as before (decision 0001).
 *
 * <p>A factory costs about 250 KB and 30–100 ms to create, so at most {@code max} are kept; the
 * least recently used one is closed once no unit of work uses it any more.
 */
final class SchemaSessions implements AutoCloseable {
  /**
   * The schema core work is bound to. No tenant's schema has this name (they are {@code
   * tenant_<slug>}), so a tenant entity reached through a core entity manager fails loudly instead
   * of reading anyone's rows; binding it at all spares core entity managers the per-manager copy.
   */
  static final String NO_TENANT_SCHEMA = "plexica_no_tenant";

  private static final AtomicInteger INSTANCES = new AtomicInteger();

  private final Function<String, EntityManagerFactory> open;
  private final int max;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final AtomicLong useClock = new AtomicLong();
  private final Session core;

  SchemaSessions(Function<String, EntityManagerFactory> open, int max) {
    if (max < 1) {
      throw new IllegalArgumentException("at least one tenant session must be kept, not " + max);
    }
    this.open = open;
    this.max = max;
    this.core = new Session(open.apply(NO_TENANT_SCHEMA));
  }

  /**
   * Factories built by EclipseLink from the {@code plexica} persistence unit, on the given data
   * source; session names carry an instance number so that two holders in one JVM (tests) never
   * share a deployed session.
   */
  static SchemaSessions on(DataSource dataSource, int max) {
    String instance = Integer.toString(INSTANCES.incrementAndGet());
    ClassLoader classes = SchemaSessions.class.getClassLoader();
    PersistenceProvider provider = new PersistenceProvider();
    return new SchemaSessions(
        schema -> {
          Map<String, Object> properties = new HashMap<>();
          properties.put(PersistenceUnitProperties.NON_JTA_DATASOURCE, dataSource);
          properties.put(PersistenceUnitProperties.CLASSLOADER, classes);
          properties.put(PersistenceUnitProperties.MULTITENANT_PROPERTY_DEFAULT, schema);
          properties.put(PersistenceUnitProperties.MULTITENANT_SHARED_EMF, "false");
          properties.put(
              PersistenceUnitProperties.SESSION_NAME, "plexica-" + instance + "-" + schema);
          EntityManagerFactory factory = provider.createEntityManagerFactory("plexica", properties);
          if (factory == null) {
            throw new IllegalStateException("no persistence unit plexica on the class path");
          }
          return factory;
        },
        max);
  }

  /** Runs work with an entity manager on core data; the manager is closed afterwards. */
  <T> T core(Function<EntityManager, T> work) {
    return core.run(work);
  }

  /** Runs work with an entity manager bound to one tenant's schema; closed afterwards. */
  <T> T tenant(String schema, Function<EntityManager, T> work) {
    while (true) {
      Session session = sessions.get(schema);
      if (session == null) {
        session = sessions.computeIfAbsent(schema, this::openSession);
        retireBeyondMax();
      }
      if (session.acquire()) {
        try {
          session.lastUse = useClock.incrementAndGet();
          return session.runAcquired(work);
        } finally {
          session.release();
        }
      }
      // Retired between the look-up and the acquisition: a new one is opened.
      sessions.remove(schema, session);
    }
  }

  /** How many tenant sessions are open. */
  int openTenantSessions() {
    return sessions.size();
  }

  private Session openSession(String schema) {
    Session session = new Session(open.apply(schema));
    session.lastUse = useClock.incrementAndGet();
    return session;
  }

  private void retireBeyondMax() {
    while (sessions.size() > max) {
      sessions.entrySet().stream()
          .min(Comparator.comparingLong(entry -> entry.getValue().lastUse))
          .ifPresent(
              oldest -> {
                if (sessions.remove(oldest.getKey(), oldest.getValue())) {
                  oldest.getValue().retire();
                }
              });
    }
  }

  @Override
  public void close() {
    sessions.values().forEach(Session::retire);
    sessions.clear();
    core.retire();
  }

  /** A factory with a count of the units of work using it, closed when retired and unused. */
  private static final class Session {
    private final EntityManagerFactory factory;
    private final AtomicInteger users = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean retired;
    private volatile long lastUse;

    Session(EntityManagerFactory factory) {
      this.factory = factory;
    }

    <T> T run(Function<EntityManager, T> work) {
      if (!acquire()) {
        throw new IllegalStateException("the database sessions are closed");
      }
      try {
        return runAcquired(work);
      } finally {
        release();
      }
    }

    <T> T runAcquired(Function<EntityManager, T> work) {
      EntityManager em = factory.createEntityManager();
      try {
        return work.apply(em);
      } finally {
        em.close();
      }
    }

    // The count is raised before retired is read, and retire() sets retired before it reads the
    // count, so either the user sees the retirement or retire() sees the user (both volatile).
    boolean acquire() {
      users.incrementAndGet();
      if (retired) {
        release();
        return false;
      }
      return true;
    }

    void release() {
      if (users.decrementAndGet() == 0 && retired) {
        closeOnce();
      }
    }

    void retire() {
      retired = true;
      if (users.get() == 0) {
        closeOnce();
      }
    }

    private void closeOnce() {
      if (closed.compareAndSet(false, true)) {
        factory.close();
      }
    }
  }
}
