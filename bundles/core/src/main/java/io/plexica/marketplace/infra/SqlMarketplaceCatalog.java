package io.plexica.marketplace.infra;

import io.plexica.marketplace.domain.MarketplaceCatalog;
import io.plexica.marketplace.domain.MarketplaceCatalog.DeployedVersion;
import io.plexica.marketplace.domain.MarketplaceQuery;
import io.plexica.marketplace.domain.MarketplaceResults;
import io.plexica.marketplace.domain.MarketplaceResults.Count;
import io.plexica.marketplace.domain.MarketplaceResults.Facets;
import io.plexica.marketplace.domain.MarketplaceResults.Listing;
import io.plexica.shared.persistence.SqlWhere;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The marketplace in {@code plexica_core.plugin}: PostgreSQL full-text search over the generated
 * {@code search_document} (weights: name and id A, vendor, category and tags B, description C)
 * under its GIN index, each word matched as a prefix; a page and the facets in two statements on
 * one connection.
 */
public class SqlMarketplaceCatalog implements MarketplaceCatalog {
  private static final String LISTED = "p.status = 'ACTIVE'";
  private static final String LISTING =
      "p.id, p.name, p.vendor, p.category, p.description, p.tags, p.current_version,"
          + " p.install_count, p.updated_at, p.rating_count, p.rating_sum";

  /** The column of a row's place on the page, or of a count (total, facet value). */
  private static final int PLACE = 13;

  private static final String TAGGED = "? = ANY (string_to_array(p.tags, ' '))";

  private final DataSource dataSource;

  public SqlMarketplaceCatalog(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public MarketplaceResults search(MarketplaceQuery query) {
    boolean searched = !query.words().isEmpty();
    List<Object> parameters = new ArrayList<>();
    String order = order(query.sort(), searched);
    StringBuilder sql = new StringBuilder();
    // Words are matched and ranked once, into narrow rows that the page, the total and the facets
    // all read. Without words each part is left to the planner, which reads the listed plugins'
    // indexes (V16) instead. Either way only the page's rows fetch the wide columns.
    sql.append("WITH matched AS ")
        .append(searched ? "" : "NOT ")
        .append("MATERIALIZED (SELECT p.id, p.category, p.vendor, p.tags,")
        .append(" p.install_count, lower(p.name) AS sort_name, p.updated_at,")
        .append(" p.rating_count, p.rating_sum, ")
        .append(searched ? "ts_rank(p.search_document, q.query)" : "0::real")
        .append(" AS rank FROM plexica_core.plugin p");
    SqlWhere listed = new SqlWhere().and(LISTED);
    if (searched) {
      sql.append(", (SELECT ").append(tsquery(query.words().size())).append(" AS query) q");
      query.words().forEach(w -> parameters.addAll(List.of(w + ":*", w + ":*")));
      listed.and("p.search_document @@ q.query");
    }
    sql.append(listed.clause()).append("), chosen AS NOT MATERIALIZED (SELECT * FROM matched p");
    append(sql, parameters, filters(query, true, true, true));
    sql.append(") SELECT 'item', p.id, p.name, p.vendor, p.category, p.description, p.tags,")
        .append(" p.current_version, p.install_count, p.updated_at, p.rating_count, p.rating_sum,")
        .append(" c.place FROM (SELECT p.id,")
        .append(" row_number() OVER (ORDER BY ")
        .append(order)
        .append(") AS place FROM (SELECT * FROM chosen p ORDER BY ")
        // A top-N sort of the matches, then the page's own order numbered: never a full sort.
        .append(order)
        .append(" LIMIT ? OFFSET ?) p) c")
        .append(" JOIN plexica_core.plugin p ON p.id = c.id")
        .append(" UNION ALL SELECT 'total', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,")
        .append(" NULL, NULL,")
        .append(" count(*) FROM chosen");
    parameters.add(query.page().size());
    parameters.add(query.page().offset());
    for (MarketplaceQuery.Facet facet : query.facets()) {
      facet(sql, parameters, query, facet);
    }
    Map<Long, Listing> items = new TreeMap<>();
    long total = 0;
    List<Row> counts = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql.toString())) {
      for (int i = 0; i < parameters.size(); i++) {
        select.setObject(i + 1, parameters.get(i));
      }
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          String kind = rows.getString(1);
          if (kind.equals("item")) {
            items.put(rows.getLong(PLACE), listing(rows, 2));
          } else if (kind.equals("total")) {
            total = rows.getLong(PLACE);
          } else {
            counts.add(new Row(kind, new Count(rows.getString(2), rows.getLong(PLACE))));
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Searching the marketplace failed", e);
    }
    return new MarketplaceResults(List.copyOf(items.values()), total, facets(counts));
  }

  /**
   * One facet's rows: its values under the words and the other two filters, not its own, the {@link
   * Facets#MAX_VALUES} most frequent first.
   */
  private static void facet(
      StringBuilder sql,
      List<Object> parameters,
      MarketplaceQuery query,
      MarketplaceQuery.Facet facet) {
    String value =
        switch (facet) {
          case CATEGORY -> "p.category";
          case VENDOR -> "p.vendor";
          case TAG -> "t.tag";
        };
    sql.append(" UNION ALL (SELECT '")
        .append(facet.name())
        .append("', ")
        .append(value)
        .append(", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, count(*)")
        .append(" FROM matched p");
    if (facet == MarketplaceQuery.Facet.TAG) {
      sql.append(" CROSS JOIN LATERAL unnest(string_to_array(nullif(p.tags, ''), ' ')) AS t(tag)");
    }
    append(
        sql,
        parameters,
        filters(
            query,
            facet != MarketplaceQuery.Facet.CATEGORY,
            facet != MarketplaceQuery.Facet.VENDOR,
            facet != MarketplaceQuery.Facet.TAG));
    sql.append(" GROUP BY ")
        .append(value)
        .append(" ORDER BY count(*) DESC, ")
        .append(value)
        .append(" LIMIT ")
        .append(Facets.MAX_VALUES)
        .append(')');
  }

  private static void append(StringBuilder sql, List<Object> parameters, SqlWhere where) {
    sql.append(where.clause());
    parameters.addAll(where.parameters());
  }

  @Override
  public Optional<Listing> listing(String id) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT "
                    + LISTING
                    + " FROM plexica_core.plugin p WHERE "
                    + LISTED
                    + " AND p.id = ?")) {
      select.setString(1, id);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(listing(rows, 1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Reading a marketplace listing failed", e);
    }
  }

  @Override
  public List<DeployedVersion> versions(String id) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT version, deployed_at FROM plexica_core.plugin_version"
                    + " WHERE plugin_id = ? ORDER BY deployed_at DESC")) {
      select.setString(1, id);
      List<DeployedVersion> versions = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          versions.add(new DeployedVersion(rows.getString(1), rows.getTimestamp(2).toInstant()));
        }
      }
      return versions;
    } catch (SQLException e) {
      throw new IllegalStateException("Reading a plugin's versions failed", e);
    }
  }

  /**
   * Each word as a prefix, all of them required. A word is taken both as typed and as its English
   * stem, since the stem of a word's start is not always the start of the word's stem ("analy"
   * stems to "anali", "analytics" to "analyt"): {@code (analy:* | anali:*) & (pdf:* | pdf:*)}.
   * Words are letters and digits only ({@link MarketplaceQuery}), so none is tsquery syntax.
   */
  static String tsquery(int words) {
    return String.join(
        " && ",
        Collections.nCopies(words, "(to_tsquery('simple', ?) || to_tsquery('english', ?))"));
  }

  /** The ORDER BY: this class's text only, always ending with the id so that pages are stable. */
  private static String order(MarketplaceQuery.Sort sort, boolean searched) {
    return switch (sort) {
      case RELEVANCE ->
          (searched ? "p.rank DESC, " : "") + "p.install_count DESC, p.sort_name, p.id";
      case POPULAR -> "p.install_count DESC, p.sort_name, p.id";
      case RATING ->
          "p.rating_sum::float8 / nullif(p.rating_count, 0) DESC NULLS LAST, p.rating_count DESC,"
              + " p.sort_name, p.id";
      case NAME -> "p.sort_name, p.id";
      case RECENT -> "p.updated_at DESC, p.id";
    };
  }

  /** The filters asked for, among those named. */
  private static SqlWhere filters(
      MarketplaceQuery query, boolean byCategory, boolean byVendor, boolean byTag) {
    SqlWhere where = new SqlWhere();
    if (byCategory) {
      where.andIf(query.category(), "p.category = ?");
    }
    if (byVendor) {
      where.andIf(query.vendor(), "p.vendor = ?");
    }
    if (byTag) {
      where.andIf(query.tag(), TAGGED);
    }
    return where;
  }

  private static Facets facets(List<Row> rows) {
    Function<MarketplaceQuery.Facet, List<Count>> facet =
        f -> rows.stream().filter(r -> r.facet().equals(f.name())).map(Row::count).toList();
    return new Facets(
        facet.apply(MarketplaceQuery.Facet.CATEGORY),
        facet.apply(MarketplaceQuery.Facet.VENDOR),
        facet.apply(MarketplaceQuery.Facet.TAG));
  }

  private record Row(String facet, Count count) {}

  /** A listing from the columns of {@link #LISTING}, starting at column {@code first}. */
  private static Listing listing(ResultSet rows, int first) throws SQLException {
    String tags = rows.getString(first + 5);
    return new Listing(
        rows.getString(first),
        rows.getString(first + 1),
        rows.getString(first + 2),
        rows.getString(first + 3),
        rows.getString(first + 4),
        tags.isEmpty() ? List.of() : Arrays.asList(tags.split(" ")),
        rows.getString(first + 6),
        rows.getInt(first + 7),
        rows.getTimestamp(first + 8).toInstant(),
        rows.getInt(first + 9),
        rows.getInt(first + 10));
  }
}
