package io.plexica.tenancy.infra;

import io.plexica.shared.events.DomainEvent;
import io.plexica.shared.persistence.Database;
import io.plexica.shared.persistence.EventOutbox;
import io.plexica.shared.persistence.LikePattern;
import io.plexica.shared.persistence.SqlErrors;
import io.plexica.shared.problem.ProblemException;
import io.plexica.tenancy.app.ActiveTenants;
import io.plexica.tenancy.domain.TenancyProblems;
import io.plexica.tenancy.domain.Tenant;
import io.plexica.tenancy.domain.TenantPage;
import io.plexica.tenancy.domain.TenantQuery;
import io.plexica.tenancy.domain.TenantRepository;
import io.plexica.tenancy.domain.TenantStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eclipse.persistence.config.HintValues;
import org.eclipse.persistence.config.QueryHints;

/** Tenants in {@code plexica_core.tenant}, through JPA. */
@ApplicationScoped
public class JpaTenantRepository implements TenantRepository {
  private Database database;
  private ActiveTenants active;

  protected JpaTenantRepository() {}

  /** Every change of a tenant is told to {@code active}, once committed. */
  @Inject
  public JpaTenantRepository(Database database, ActiveTenants active) {
    this.database = database;
    this.active = active;
  }

  @Override
  public void insert(Tenant tenant) {
    try {
      database.inCoreDo(em -> em.persist(tenant));
    } catch (PersistenceException e) {
      if (SqlErrors.isUniqueViolation(e)) {
        throw TenancyProblems.slugTaken(tenant.slug(), e);
      }
      throw e;
    }
  }

  @Override
  public Optional<Tenant> findById(UUID id) {
    return Optional.ofNullable(
        database.readCore(em -> em.find(Tenant.class, id, Database.READ_ONLY)));
  }

  @Override
  public List<Tenant> findByName(String name) {
    return database.readCore(
        em ->
            em.createQuery(
                    "SELECT t FROM Tenant t WHERE LOWER(t.name) = LOWER(:name)"
                        + " AND t.purgedAt IS NULL",
                    Tenant.class)
                .setParameter("name", name)
                .setMaxResults(2)
                .setHint(QueryHints.READ_ONLY, HintValues.TRUE)
                .getResultList());
  }

  @Override
  public Optional<Tenant> findBySlug(String slug) {
    return database.readCore(
        em ->
            em.createQuery(
                    "SELECT t FROM Tenant t WHERE t.slug = :slug AND t.purgedAt IS NULL",
                    Tenant.class)
                .setParameter("slug", slug)
                .setHint(QueryHints.READ_ONLY, HintValues.TRUE)
                .getResultStream()
                .findFirst());
  }

  @Override
  public Tenant update(
      UUID id, Consumer<Tenant> change, Function<Tenant, List<DomainEvent>> events) {
    Tenant changed =
        database.inCore(
            em -> {
              // Row lock: concurrent state changes queue up instead of failing each other.
              Tenant tenant = em.find(Tenant.class, id, LockModeType.PESSIMISTIC_WRITE);
              if (tenant == null) {
                throw new ProblemException(
                    TenancyProblems.TENANT_NOT_FOUND, "No tenant has id " + id + ".");
              }
              change.accept(tenant);
              Instant now = Instant.now();
              events.apply(tenant).forEach(event -> EventOutbox.append(em, event, now));
              return tenant;
            });
    active.changed(changed.id().toString());
    return changed;
  }

  @Override
  public TenantPage search(TenantQuery query) {
    return database.readCore(
        em -> {
          String where = where(query);
          TypedQuery<Tenant> items =
              em.createQuery("SELECT t FROM Tenant t" + where + orderBy(query), Tenant.class);
          TypedQuery<Long> count =
              em.createQuery("SELECT COUNT(t) FROM Tenant t" + where, Long.class);
          bind(query, items);
          bind(query, count);
          List<Tenant> page =
              items
                  .setFirstResult(query.page() * query.size())
                  .setMaxResults(query.size())
                  .getResultList();
          return new TenantPage(page, query.page(), query.size(), count.getSingleResult());
        });
  }

  @Override
  public List<Tenant> withStatus(Collection<TenantStatus> statuses) {
    return database.readCore(
        em ->
            em.createQuery(
                    "SELECT t FROM Tenant t WHERE t.status IN :statuses AND t.purgedAt IS NULL"
                        + " ORDER BY t.createdAt",
                    Tenant.class)
                .setParameter("statuses", statuses)
                .getResultList());
  }

  @Override
  public Map<String, Long> sharedRealmSizes() {
    return counts(
        "SELECT p.identity_realm, count(*) FROM plexica_core.tenant_placement p"
            + " JOIN plexica_core.tenant t ON t.id = p.tenant_id"
            + " WHERE p.identity_kind = 'ORGANIZATION' AND t.purged_at IS NULL"
            + " GROUP BY p.identity_realm");
  }

  @Override
  public Map<String, Long> tenantsPerDatabaseCluster() {
    return counts(
        "SELECT p.database_cluster, count(*) FROM plexica_core.tenant_placement p"
            + " JOIN plexica_core.tenant t ON t.id = p.tenant_id"
            + " WHERE t.purged_at IS NULL GROUP BY p.database_cluster");
  }

  /** A query's rows of (key, count) as a map. */
  private Map<String, Long> counts(String sql) {
    List<?> rows = database.readCore(em -> em.createNativeQuery(sql).getResultList());
    Map<String, Long> counts = new HashMap<>();
    for (Object row : rows) {
      Object[] columns = (Object[]) row;
      counts.put((String) columns[0], ((Number) columns[1]).longValue());
    }
    return counts;
  }

  @Override
  public List<Tenant> behindSchema(int version) {
    return database.readCore(
        em ->
            em.createQuery(
                    "SELECT t FROM Tenant t WHERE t.status IN :live AND t.purgedAt IS NULL"
                        + " AND t.schemaVersion < :version ORDER BY t.createdAt",
                    Tenant.class)
                .setParameter("live", EnumSet.of(TenantStatus.ACTIVE, TenantStatus.SUSPENDED))
                .setParameter("version", version)
                .getResultList());
  }

  @Override
  public void recordSchemaVersion(UUID id, int version) {
    database.inCoreDo(
        em ->
            em.createNativeQuery(
                    "UPDATE plexica_core.tenant_placement"
                        + " SET schema_version = GREATEST(schema_version, ?1) WHERE tenant_id = ?2")
                .setParameter(1, version)
                .setParameter(2, id)
                .executeUpdate());
  }

  private static String where(TenantQuery query) {
    StringBuilder where = new StringBuilder(" WHERE t.purgedAt IS NULL");
    query
        .text()
        .ifPresent(
            text ->
                where.append(
                    " AND (LOWER(t.slug) LIKE :text ESCAPE '\\' OR LOWER(t.name) LIKE :text"
                        + " ESCAPE '\\')"));
    query.status().ifPresent(status -> where.append(" AND t.status = :status"));
    return where.toString();
  }

  private static void bind(TenantQuery query, TypedQuery<?> jpql) {
    query.text().ifPresent(text -> jpql.setParameter("text", LikePattern.contains(text)));
    query.status().ifPresent(status -> jpql.setParameter("status", status));
  }

  /** Field names come from a whitelist enum, never from the request text. */
  private static String orderBy(TenantQuery query) {
    String field =
        switch (query.sortField()) {
          case SLUG -> "t.slug";
          case NAME -> "t.name";
          case STATUS -> "t.status";
          case CREATED_AT -> "t.createdAt";
          case UPDATED_AT -> "t.updatedAt";
        };
    String direction = query.descending() ? " DESC" : " ASC";
    return " ORDER BY " + field + direction + ", t.id" + direction;
  }
}
