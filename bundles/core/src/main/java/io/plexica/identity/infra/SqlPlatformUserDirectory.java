package io.plexica.identity.infra;

import io.plexica.identity.app.PlatformUserDirectory;
import io.plexica.identity.domain.UserProfile;
import io.plexica.identity.domain.UserQuery;
import io.plexica.identity.domain.UserStatus;
import io.plexica.shared.persistence.Database;
import io.plexica.shared.persistence.LikePattern;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Searches the {@code users} tables of every active or suspended tenant in one SQL statement, a
 * {@code UNION ALL} over their schemas (decision 0006). Schema names come from the tenant registry,
 * never from the request, and are checked again before they enter the statement.
 */
@ApplicationScoped
public class JpaPlatformUserDirectory implements PlatformUserDirectory {
  private static final Pattern SCHEMA = Pattern.compile("^[a-z_][a-z0-9_]{0,62}$");

  private Database database;

  protected JpaPlatformUserDirectory() {}

  @Inject
  public JpaPlatformUserDirectory(Database database) {
    this.database = database;
  }

  private record TenantSchema(UUID id, String slug, String schema) {}

  @Override
  public PlatformUserPage search(UserQuery query) {
    List<TenantSchema> tenants = database.readCore(em -> tenants(em, query));
    if (tenants.isEmpty()) {
      return new PlatformUserPage(List.of(), query.paging().page(), query.paging().size(), 0);
    }
    // A schema that a start has not upgraded yet may lack what the query reads.
    tenants.forEach(tenant -> database.schemaGate().enter(tenant.schema()));
    return database.readCore(
        em -> {
          String from =
              "("
                  + String.join(
                      " UNION ALL ",
                      tenants.stream().map(JpaPlatformUserDirectory::branch).toList())
                  + ") u";
          String where = where(query);
          Query count = em.createNativeQuery("SELECT count(*) FROM " + from + where);
          Query page =
              em.createNativeQuery(
                  "SELECT u.tenant_id, u.tenant_slug, u.id, u.username, u.email, u.first_name,"
                      + " u.last_name, u.enabled, u.first_seen_at, u.created_at, u.roles FROM "
                      + from
                      + where
                      + " ORDER BY u.tenant_slug, u.username LIMIT ?1 OFFSET ?2");
          bind(query, count);
          bind(query, page);
          page.setParameter(1, query.paging().size());
          page.setParameter(2, query.paging().offset());
          long total = ((Number) count.getSingleResult()).longValue();
          List<PlatformUser> items = new ArrayList<>();
          for (Object row : page.getResultList()) {
            items.add(user((Object[]) row));
          }
          return new PlatformUserPage(items, query.paging().page(), query.paging().size(), total);
        });
  }

  private static List<TenantSchema> tenants(EntityManager em, UserQuery query) {
    String sql =
        "SELECT CAST(id AS text), slug, p.schema_name FROM plexica_core.tenant"
            + " JOIN plexica_core.tenant_placement p ON p.tenant_id = id"
            + " WHERE status IN ('ACTIVE', 'SUSPENDED') AND purged_at IS NULL";
    Query tenants;
    if (query.tenant().isPresent()) {
      tenants =
          // Its id, or a part of its slug or name: people remember "acme", not "acme-eu-2".
          em.createNativeQuery(
                  sql
                      + " AND (CAST(id AS text) = ?1 OR strpos(slug, lower(?1)) > 0"
                      + " OR strpos(lower(name), lower(?1)) > 0)")
              .setParameter(1, query.tenant().get());
    } else {
      tenants = em.createNativeQuery(sql);
    }
    List<TenantSchema> result = new ArrayList<>();
    for (Object row : tenants.getResultList()) {
      Object[] columns = (Object[]) row;
      String schema = (String) columns[2];
      if (!SCHEMA.matcher(schema).matches()) {
        throw new IllegalStateException("Unexpected schema name in the tenant registry");
      }
      result.add(
          new TenantSchema(UUID.fromString((String) columns[0]), (String) columns[1], schema));
    }
    return result;
  }

  /** One tenant's people; id and slug are the registry's, quoted as SQL literals. */
  private static String branch(TenantSchema tenant) {
    String schema = '"' + tenant.schema() + '"';
    return "SELECT CAST('"
        + tenant.id()
        + "' AS uuid) AS tenant_id, '"
        + tenant.slug().replace("'", "''")
        + "' AS tenant_slug, x.id, x.username, x.email, x.first_name, x.last_name, x.enabled,"
        + " x.first_seen_at, x.created_at, x.roles FROM "
        + schema
        + ".users x WHERE NOT x.service_account";
  }

  private static String where(UserQuery query) {
    StringBuilder where = new StringBuilder(" WHERE true");
    query
        .text()
        .ifPresent(
            t ->
                where.append(
                    " AND (lower(u.username) LIKE ?10 ESCAPE '\\' OR lower(u.email) LIKE ?10"
                        + " ESCAPE '\\' OR lower(concat(u.first_name, ' ', u.last_name)) LIKE ?10"
                        + " ESCAPE '\\')"));
    query.role().ifPresent(r -> where.append(" AND (',' || u.roles || ',') LIKE ?11"));
    query
        .status()
        .ifPresent(
            s ->
                where.append(
                    switch (s) {
                      case DISABLED -> " AND NOT u.enabled";
                      case INVITED -> " AND u.enabled AND u.first_seen_at IS NULL";
                      case ACTIVE -> " AND u.enabled AND u.first_seen_at IS NOT NULL";
                    }));
    return where.toString();
  }

  private static void bind(UserQuery query, Query sql) {
    query.text().ifPresent(t -> sql.setParameter(10, LikePattern.contains(t)));
    query.role().ifPresent(r -> sql.setParameter(11, "%," + r + ",%"));
  }

  private static PlatformUser user(Object[] row) {
    UserStatus status = UserStatus.of((Boolean) row[7], instant(row[8]));
    String roles = (String) row[10];
    Set<String> roleSet =
        roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(roles.split(",")));
    return new PlatformUser(
        (UUID) row[0],
        (String) row[1],
        (UUID) row[2],
        new UserProfile((String) row[3], (String) row[4], (String) row[5], (String) row[6]),
        status,
        roleSet,
        instant(row[9]));
  }

  private static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof OffsetDateTime odt) {
      return odt.toInstant();
    }
    if (value instanceof Timestamp ts) {
      return ts.toInstant();
    }
    throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
  }
}
