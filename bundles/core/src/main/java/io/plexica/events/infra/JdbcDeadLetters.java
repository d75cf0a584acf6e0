package io.plexica.events.infra;

import io.plexica.events.app.DeadLetterService;
import io.plexica.events.domain.DeadLetter;
import io.plexica.events.domain.DeadLetterPage;
import io.plexica.events.domain.DeadLetterQuery;
import io.plexica.events.domain.DeadLetters;
import io.plexica.shared.persistence.Database;
import io.plexica.shared.persistence.SqlWhere;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code plexica_core.dead_letter} table. */
@ApplicationScoped
public class JdbcDeadLetters implements DeadLetters {
  private static final String COLUMNS =
      "id, event_id, topic, tenant_id, plugin_id, handler, status, attempts, last_error,"
          + " created_at, updated_at, next_attempt_at, envelope";

  private Database database;

  protected JdbcDeadLetters() {}

  @Inject
  public JdbcDeadLetters(Database database) {
    this.database = database;
  }

  @Produces
  @Singleton
  static DeadLetterService deadLetterService(DeadLetters deadLetters) {
    return new DeadLetterService(deadLetters);
  }

  @Override
  public DeadLetterPage search(DeadLetterQuery query) {
    SqlWhere where =
        new SqlWhere()
            .andIf(query.topic(), "topic = ?")
            .andIf(query.pluginId(), "plugin_id = ?")
            .andIf(query.tenantId(), "tenant_id = ?")
            .andIf(query.status().map(Enum::name), "status = ?");
    try (Connection connection = database.dataSource().getConnection()) {
      long total;
      try (PreparedStatement count =
          connection.prepareStatement(
              "SELECT count(*) FROM plexica_core.dead_letter" + where.clause())) {
        where.bind(count, 1);
        try (ResultSet rows = count.executeQuery()) {
          rows.next();
          total = rows.getLong(1);
        }
      }
      List<DeadLetter> items = new ArrayList<>();
      try (PreparedStatement select =
          connection.prepareStatement(
              "SELECT "
                  + COLUMNS
                  + " FROM plexica_core.dead_letter"
                  + where.clause()
                  + " ORDER BY created_at DESC, id LIMIT ? OFFSET ?")) {
        int next = where.bind(select, 1);
        select.setInt(next, query.page().size());
        select.setInt(next + 1, query.page().offset());
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            items.add(row(rows));
          }
        }
      }
      return new DeadLetterPage(items, query.page().page(), query.page().size(), total);
    } catch (SQLException e) {
      throw new IllegalStateException("Reading dead letters failed", e);
    }
  }

  @Override
  public Optional<DeadLetter> find(UUID id) {
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM plexica_core.dead_letter WHERE id = ?")) {
      select.setObject(1, id);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(row(rows)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Reading a dead letter failed", e);
    }
  }

  @Override
  public boolean requestRetry(UUID id) {
    return update(
        "UPDATE plexica_core.dead_letter SET status = 'PENDING', next_attempt_at = now(),"
            + " updated_at = now() WHERE id = ? AND status = 'FAILED'",
        id);
  }

  @Override
  public boolean delete(UUID id) {
    return update(
        "DELETE FROM plexica_core.dead_letter WHERE id = ? AND status IN ('FAILED', 'RESOLVED')",
        id);
  }

  private boolean update(String sql, UUID id) {
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setObject(1, id);
      return statement.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("Changing a dead letter failed", e);
    }
  }

  private static DeadLetter row(ResultSet rows) throws SQLException {
    return new DeadLetter(
        rows.getObject(1, UUID.class),
        rows.getObject(2, UUID.class),
        rows.getString(3),
        rows.getObject(4, UUID.class),
        rows.getString(5),
        rows.getString(6),
        DeadLetter.Status.valueOf(rows.getString(7)),
        rows.getInt(8),
        rows.getString(9),
        instant(rows.getTimestamp(10)),
        instant(rows.getTimestamp(11)),
        instant(rows.getTimestamp(12)),
        rows.getString(13));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
