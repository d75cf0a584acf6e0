package io.plexica.marketplace.infra;

import io.plexica.marketplace.domain.Review;
import io.plexica.marketplace.domain.ReviewStore;
import io.plexica.shared.persistence.Jdbc;
import io.plexica.shared.persistence.SqlWhere;
import io.plexica.shared.query.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** The reviews in {@code plexica_core.plugin_review}, with the tenant's slug for moderation. */
public class SqlReviewStore implements ReviewStore {
  private static final String COLUMNS =
      "r.plugin_id, r.tenant_id, t.slug, r.rating, r.body, r.plugin_version, r.author_id,"
          + " r.created_at, r.updated_at, r.hidden_at, r.hidden_reason, r.id, r.reply,"
          + " r.replied_at";
  private static final String FROM =
      " FROM plexica_core.plugin_review r JOIN plexica_core.tenant t ON t.id = r.tenant_id";

  private final Jdbc jdbc;

  public SqlReviewStore(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public Optional<Review> find(String pluginId, UUID tenantId) {
    SqlWhere where =
        new SqlWhere().and("r.plugin_id = ?", pluginId).and("r.tenant_id = ?", tenantId);
    return query("SELECT " + COLUMNS + FROM + where.clause(), where).stream().findFirst();
  }

  @Override
  public void save(Review review) {
    update(
        "INSERT INTO plexica_core.plugin_review (plugin_id, tenant_id, rating, body,"
            + " plugin_version, author_id, created_at, updated_at, id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (plugin_id, tenant_id) DO UPDATE SET rating = excluded.rating,"
            + " body = excluded.body, plugin_version = excluded.plugin_version,"
            + " author_id = excluded.author_id, updated_at = excluded.updated_at",
        review.pluginId(),
        review.tenantId(),
        (short) review.rating(),
        review.text(),
        review.pluginVersion(),
        review.authorId(),
        Timestamp.from(review.createdAt()),
        Timestamp.from(review.updatedAt()),
        review.id());
  }

  @Override
  public Optional<Review> byId(String pluginId, UUID id) {
    SqlWhere where = new SqlWhere().and("r.plugin_id = ?", pluginId).and("r.id = ?", id);
    return query("SELECT " + COLUMNS + FROM + where.clause(), where).stream().findFirst();
  }

  @Override
  public boolean reply(String pluginId, UUID id, Optional<String> text, Instant at) {
    return update(
            "UPDATE plexica_core.plugin_review SET reply = ?, replied_at = ?"
                + " WHERE plugin_id = ? AND id = ?",
            text.orElse(null),
            text.isPresent() ? Timestamp.from(at) : null,
            pluginId,
            id)
        > 0;
  }

  @Override
  public boolean delete(String pluginId, UUID tenantId) {
    return update(
            "DELETE FROM plexica_core.plugin_review WHERE plugin_id = ? AND tenant_id = ?",
            pluginId,
            tenantId)
        > 0;
  }

  @Override
  public boolean moderate(
      String pluginId, UUID tenantId, Optional<Instant> hiddenAt, String reason) {
    return update(
            "UPDATE plexica_core.plugin_review SET hidden_at = ?, hidden_reason = ?"
                + " WHERE plugin_id = ? AND tenant_id = ?",
            hiddenAt.map(Timestamp::from).orElse(null),
            hiddenAt.isPresent() ? reason : null,
            pluginId,
            tenantId)
        > 0;
  }

  @Override
  public ReviewPage visible(String pluginId, UUID viewer, PageRequest page) {
    SqlWhere where =
        new SqlWhere()
            .and("r.plugin_id = ?", pluginId)
            .and("(r.hidden_at IS NULL OR r.tenant_id = ?)", viewer);
    SqlWhere summary = new SqlWhere().and("plugin_id = ?", pluginId).and("hidden_at IS NULL");
    long[] counts = new long[5];
    jdbc.query(
        "Reading the ratings of " + pluginId,
        "SELECT rating, count(*) FROM plexica_core.plugin_review"
            + summary.clause()
            + " GROUP BY rating",
        row -> counts[row.getInt(1) - 1] = row.getLong(2),
        summary.parameters().toArray());
    return page(where, page, new RatingSummary(counts));
  }

  @Override
  public ReviewPage all(Optional<String> pluginId, Optional<Boolean> hidden, PageRequest page) {
    SqlWhere where = new SqlWhere().andIf(pluginId, "r.plugin_id = ?");
    hidden.ifPresent(h -> where.and(h ? "r.hidden_at IS NOT NULL" : "r.hidden_at IS NULL"));
    return page(where, page, RatingSummary.NONE);
  }

  private ReviewPage page(SqlWhere where, PageRequest page, RatingSummary summary) {
    List<Review> items =
        query(
            "SELECT "
                + COLUMNS
                + FROM
                + where.clause()
                + " ORDER BY r.updated_at DESC, r.tenant_id LIMIT "
                + page.size()
                + " OFFSET "
                + page.offset(),
            where);
    long total = items.size();
    if (page.offset() > 0 || items.size() == page.size()) {
      total = count("SELECT count(*)" + FROM + where.clause(), where);
    }
    return new ReviewPage(items, total, summary);
  }

  private List<Review> query(String sql, SqlWhere where) {
    return jdbc.query("Reading reviews", sql, SqlReviewStore::review, where.parameters().toArray());
  }

  private long count(String sql, SqlWhere where) {
    return jdbc.first("Counting reviews", sql, row -> row.getLong(1), where.parameters().toArray())
        .orElse(0L);
  }

  private int update(String sql, Object... parameters) {
    return jdbc.update("Writing a review", sql, parameters);
  }

  private static Review review(ResultSet rows) throws SQLException {
    return new Review(
        rows.getString(1),
        rows.getObject(2, UUID.class),
        rows.getString(3),
        rows.getInt(4),
        rows.getString(5),
        rows.getString(6),
        rows.getObject(7, UUID.class),
        rows.getTimestamp(8).toInstant(),
        rows.getTimestamp(9).toInstant(),
        Optional.ofNullable(rows.getTimestamp(10)).map(Timestamp::toInstant),
        Optional.ofNullable(rows.getString(11)),
        rows.getObject(12, UUID.class),
        Optional.ofNullable(rows.getString(13)),
        Optional.ofNullable(rows.getTimestamp(14)).map(Timestamp::toInstant));
  }
}
