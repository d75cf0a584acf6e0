package io.plexica.identity.infra;

import io.plexica.identity.app.PlatformUserDirectory;
import io.plexica.identity.domain.UserProfile;
import io.plexica.identity.domain.UserQuery;
import io.plexica.identity.domain.UserStatus;
import io.plexica.shared.persistence.Database;
import io.plexica.shared.persistence.LikePattern;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Searches the {@code users} tables of every active or suspended tenant: on each database cluster,
 * one SQL statement, a {@code UNION ALL} over the schemas of the tenants placed there (decision
 * 0006); the clusters' pages are merged in the same order. Schema names come from the tenant
 * registry, never from the request, and are checked again before they enter the statement.
 */
@ApplicationScoped
public class SqlPlatformUserDirectory implements PlatformUserDirectory {
  private static final Pattern SCHEMA = Pattern.compile("^[a-z_][a-z0-9_]{0,62}$");
  private static final Comparator<PlatformUser> ORDER =
      Comparator.comparing(PlatformUser::tenantSlug)
          .thenComparing(user -> user.profile().username());

  private Database database;

  protected SqlPlatformUserDirectory() {}

  @Inject
  public SqlPlatformUserDirectory(Database database) {
    this.database = database;
  }

  private record TenantSchema(UUID id, String slug, String cluster, String schema) {}

  /** One cluster's share: how many match there, and its first rows up to the page's end. */
  private record Share(long total, List<PlatformUser> head) {}

  @Override
  public PlatformUserPage search(UserQuery query) {
    Map<String, List<TenantSchema>> byCluster = new LinkedHashMap<>();
    for (TenantSchema tenant : tenants(query)) {
      byCluster.computeIfAbsent(tenant.cluster(), c -> new ArrayList<>()).add(tenant);
    }
    // A schema that a start has not upgraded yet may lack what the query reads.
    byCluster.values().stream()
        .flatMap(List::stream)
        .forEach(tenant -> database.schemaGate().enter(tenant.schema()));
    long total = 0;
    List<PlatformUser> merged = new ArrayList<>();
    int end = query.paging().offset() + query.paging().size();
    for (Map.Entry<String, List<TenantSchema>> cluster : byCluster.entrySet()) {
      Share share = search(cluster.getKey(), cluster.getValue(), query, end);
      total += share.total();
      merged.addAll(share.head());
    }
    if (byCluster.size() > 1) {
      // Each cluster's rows come in the database's collation; across clusters, by code point.
      merged.sort(ORDER);
    }
    List<PlatformUser> page =
        merged.subList(
            Math.min(query.paging().offset(), merged.size()), Math.min(end, merged.size()));
    return new PlatformUserPage(
        List.copyOf(page), query.paging().page(), query.paging().size(), total);
  }

  private Share search(String cluster, List<TenantSchema> tenants, UserQuery query, int end) {
    String from =
        "("
            + String.join(
                " UNION ALL ", tenants.stream().map(SqlPlatformUserDirectory::branch).toList())
            + ") u";
    String where = where(query);
    try (Connection connection = database.clusters().cluster(cluster).platform().getConnection();
        PreparedStatement count =
            connection.prepareStatement("SELECT count(*) FROM " + from + where);
        PreparedStatement head =
            connection.prepareStatement(
                "SELECT u.tenant_id, u.tenant_slug, u.id, u.username, u.email, u.first_name,"
                    + " u.last_name, u.enabled, u.first_seen_at, u.created_at, u.roles FROM "
                    + from
                    + where
                    + " ORDER BY u.tenant_slug, u.username LIMIT ?")) {
      bind(query, count);
      int next = bind(query, head);
      head.setInt(next, end);
      long total;
      try (ResultSet rows = count.executeQuery()) {
        rows.next();
        total = rows.getLong(1);
      }
      List<PlatformUser> users = new ArrayList<>();
      try (ResultSet rows = head.executeQuery()) {
        while (rows.next()) {
          users.add(user(rows));
        }
      }
      return new Share(total, users);
    } catch (SQLException e) {
      throw new IllegalStateException("Searching the people on cluster " + cluster + " failed", e);
    }
  }

  private List<TenantSchema> tenants(UserQuery query) {
    String sql =
        "SELECT CAST(id AS text), slug, p.database_cluster, p.schema_name FROM plexica_core.tenant"
            + " JOIN plexica_core.tenant_placement p ON p.tenant_id = id"
            + " WHERE status IN ('ACTIVE', 'SUSPENDED') AND purged_at IS NULL";
    return database.readCore(
        em -> {
          jakarta.persistence.Query tenants;
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
            String schema = (String) columns[3];
            if (!SCHEMA.matcher(schema).matches()) {
              throw new IllegalStateException("Unexpected schema name in the tenant registry");
            }
            result.add(
                new TenantSchema(
                    UUID.fromString((String) columns[0]),
                    (String) columns[1],
                    (String) columns[2],
                    schema));
          }
          return result;
        });
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
                    " AND (lower(u.username) LIKE ? ESCAPE '\\' OR lower(u.email) LIKE ?"
                        + " ESCAPE '\\' OR lower(concat(u.first_name, ' ', u.last_name)) LIKE ?"
                        + " ESCAPE '\\')"));
    query.role().ifPresent(r -> where.append(" AND (',' || u.roles || ',') LIKE ?"));
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

  /** Binds the filters in the order {@link #where} wrote them; the next parameter's index. */
  private static int bind(UserQuery query, PreparedStatement sql) throws SQLException {
    int index = 1;
    if (query.text().isPresent()) {
      String pattern = LikePattern.contains(query.text().get());
      for (int i = 0; i < 3; i++) {
        sql.setString(index++, pattern);
      }
    }
    if (query.role().isPresent()) {
      sql.setString(index++, "%," + query.role().get() + ",%");
    }
    return index;
  }

  private static PlatformUser user(ResultSet row) throws SQLException {
    UserStatus status = UserStatus.of(row.getBoolean(8), instant(row.getTimestamp(9)));
    String roles = row.getString(11);
    Set<String> roleSet =
        roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(roles.split(",")));
    return new PlatformUser(
        row.getObject(1, UUID.class),
        row.getString(2),
        row.getObject(3, UUID.class),
        new UserProfile(row.getString(4), row.getString(5), row.getString(6), row.getString(7)),
        status,
        roleSet,
        instant(row.getTimestamp(10)));
  }

  private static Instant instant(Timestamp value) {
    return value == null ? null : value.toInstant();
  }
}
