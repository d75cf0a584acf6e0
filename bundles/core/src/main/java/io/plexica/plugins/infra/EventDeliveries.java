package io.plexica.plugins.infra;

import io.plexica.events.domain.DeadLetter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The bookkeeping of deliveries to plugin handlers, in {@code plexica_core}: which handler handled
 * which event ({@code event_handled}), and the events handlers failed on ({@code dead_letter}).
 */
public class EventDeliveries {
  /** Automatic retries after the first failure: 1 s, 2 s, 4 s. */
  static final List<Duration> RETRIES =
      List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));

  private final DataSource dataSource;

  public EventDeliveries(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A delivery that failed and waits for another attempt. */
  record Due(
      UUID id,
      String pluginId,
      String handler,
      String topic,
      String envelope,
      DeadLetter.Status status,
      int attempts) {}

  /** Which of the events the handler handled already. */
  Set<UUID> handled(String pluginId, String handler, List<UUID> eventIds) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT event_id FROM plexica_core.event_handled"
                    + " WHERE plugin_id = ? AND handler = ? AND event_id = ANY (?)")) {
      select.setString(1, pluginId);
      select.setString(2, handler);
      select.setArray(3, connection.createArrayOf("uuid", eventIds.toArray()));
      Set<UUID> handled = new HashSet<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          handled.add(rows.getObject(1, UUID.class));
        }
      }
      return handled;
    }
  }

  void markHandled(String pluginId, String handler, List<UUID> eventIds) throws SQLException {
    if (eventIds.isEmpty()) {
      return;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO plexica_core.event_handled (plugin_id, handler, event_id)"
                    + " SELECT ?, ?, unnest(?) ON CONFLICT DO NOTHING")) {
      insert.setString(1, pluginId);
      insert.setString(2, handler);
      insert.setArray(3, connection.createArrayOf("uuid", eventIds.toArray()));
      insert.executeUpdate();
    }
  }

  /** The first failure: the event waits for its first retry. */
  void failedFirst(
      String pluginId,
      String handler,
      UUID eventId,
      String topic,
      UUID tenantId,
      String envelope,
      String error)
      throws SQLException {
    update(
        "INSERT INTO plexica_core.dead_letter (id, event_id, topic, tenant_id, plugin_id, handler,"
            + " envelope, status, attempts, last_error, next_attempt_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, 'RETRYING', 1, ?, ?) ON CONFLICT DO NOTHING",
        UUID.randomUUID(),
        eventId,
        topic,
        tenantId,
        pluginId,
        handler,
        envelope,
        error,
        Timestamp.from(Instant.now().plus(RETRIES.get(0))));
  }

  /** Deliveries whose next attempt is due, oldest first. */
  List<Due> due(int limit) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT id, plugin_id, handler, topic, envelope, status, attempts"
                    + " FROM plexica_core.dead_letter WHERE status IN ('RETRYING', 'PENDING')"
                    + " AND next_attempt_at <= now() ORDER BY next_attempt_at LIMIT ?")) {
      select.setInt(1, limit);
      List<Due> due = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          due.add(
              new Due(
                  rows.getObject(1, UUID.class),
                  rows.getString(2),
                  rows.getString(3),
                  rows.getString(4),
                  rows.getString(5),
                  DeadLetter.Status.valueOf(rows.getString(6)),
                  rows.getInt(7)));
        }
      }
      return due;
    }
  }

  /**
   * Forgets deliveries handled before {@code cutoff}, a few thousand rows per statement so no
   * statement holds many locks; returns how many it forgot.
   */
  public int forgetHandledBefore(Instant cutoff) throws SQLException {
    int forgotten = 0;
    int deleted;
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete =
            connection.prepareStatement(
                "DELETE FROM plexica_core.event_handled WHERE ctid = ANY (ARRAY(SELECT ctid FROM"
                    + " plexica_core.event_handled WHERE handled_at < ? LIMIT 5000))")) {
      delete.setTimestamp(1, Timestamp.from(cutoff));
      do {
        deleted = delete.executeUpdate();
        forgotten += deleted;
      } while (deleted > 0);
    }
    return forgotten;
  }

  long unresolved() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement count =
            connection.prepareStatement(
                "SELECT count(*) FROM plexica_core.dead_letter WHERE status <> 'RESOLVED'");
        ResultSet rows = count.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  void resolved(UUID id) throws SQLException {
    update(
        "UPDATE plexica_core.dead_letter SET status = 'RESOLVED', attempts = attempts + 1,"
            + " next_attempt_at = NULL, updated_at = now() WHERE id = ?",
        id);
  }

  /** An attempt that could not be made (the plugin rests): the same attempt, later. */
  void postpone(UUID id, Duration wait, String why) throws SQLException {
    update(
        "UPDATE plexica_core.dead_letter SET next_attempt_at = ?, last_error = ?,"
            + " updated_at = now() WHERE id = ?",
        Timestamp.from(Instant.now().plus(wait)),
        why,
        id);
  }

  /** Another failed attempt: retried later while retries remain, else {@code FAILED}. */
  void failedAgain(Due due, String error, boolean retryLater) throws SQLException {
    int attempts = due.attempts() + 1;
    if (retryLater) {
      update(
          "UPDATE plexica_core.dead_letter SET attempts = ?, last_error = ?, next_attempt_at = ?,"
              + " updated_at = now() WHERE id = ?",
          attempts,
          error,
          Timestamp.from(Instant.now().plus(RETRIES.get(due.attempts()))),
          due.id());
    } else {
      update(
          "UPDATE plexica_core.dead_letter SET status = 'FAILED', attempts = ?, last_error = ?,"
              + " next_attempt_at = NULL, updated_at = now() WHERE id = ?",
          attempts,
          error,
          due.id());
    }
  }

  private void update(String sql, Object... parameters) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      statement.executeUpdate();
    }
  }
}
