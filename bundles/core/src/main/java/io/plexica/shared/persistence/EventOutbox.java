package io.plexica.shared.persistence;

import io.plexica.shared.events.DomainEvent;
import io.plexica.shared.id.TimeOrderedIds;
import io.plexica.shared.json.JsonText;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The transactional outbox: events are rows of {@code plexica_core.event_outbox}, written by the
 * transaction of the change they describe (whatever schema it works in: all schemas share one
 * database and the transaction's connection) and relayed to Kafka afterwards.
 */
public final class EventOutbox {
  /** The version of the envelope's layout, in every event. */
  public static final int SCHEMA_VERSION = 1;

  private EventOutbox() {}

  /** Writes the event into the transaction of {@code em}; returns its id. */
  public static UUID append(EntityManager em, DomainEvent event, Instant now) {
    UUID id = TimeOrderedIds.next();
    em.createNativeQuery(
            "INSERT INTO plexica_core.event_outbox (id, topic, tenant_id, envelope)"
                + " VALUES (CAST(?1 AS uuid), ?2, CAST(?3 AS uuid), ?4)")
        .setParameter(1, id.toString())
        .setParameter(2, event.topic())
        .setParameter(3, event.tenantId().toString())
        .setParameter(4, envelope(id, event, "core", now))
        .executeUpdate();
    return id;
  }

  /** Writes the event of {@code source} (a plugin's id) on a plain connection; returns its id. */
  public static UUID append(Connection connection, DomainEvent event, String source)
      throws SQLException {
    UUID id = TimeOrderedIds.next();
    insert(
        connection,
        id,
        event.topic(),
        event.tenantId(),
        envelope(id, event, source, Instant.now()));
    return id;
  }

  /**
   * Writes an envelope as it is, to another topic (an event going to its {@code dlq.<topic>}): the
   * row gets an id of its own, since the event itself may be dead-lettered by several handlers.
   */
  public static void appendEnvelope(
      Connection connection, String topic, UUID tenantId, String envelope) throws SQLException {
    insert(connection, TimeOrderedIds.next(), topic, tenantId, envelope);
  }

  private static void insert(
      Connection connection, UUID id, String topic, UUID tenantId, String envelope)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO plexica_core.event_outbox (id, topic, tenant_id, envelope)"
                + " VALUES (?, ?, ?, ?)")) {
      insert.setObject(1, id);
      insert.setString(2, topic);
      insert.setObject(3, tenantId);
      insert.setString(4, envelope);
      insert.executeUpdate();
    }
  }

  /**
   * The JSON envelope every event travels in: id (time-ordered), type (its topic), tenantId,
   * workspaceId (or null), occurredAt, source, schemaVersion, data.
   */
  public static String envelope(UUID id, DomainEvent event, String source, Instant now) {
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("id", id.toString());
    envelope.put("type", event.topic());
    envelope.put("tenantId", event.tenantId().toString());
    envelope.put("workspaceId", event.workspaceId().map(UUID::toString).orElse(null));
    envelope.put("occurredAt", now.truncatedTo(ChronoUnit.MICROS).toString());
    envelope.put("source", source);
    envelope.put("schemaVersion", SCHEMA_VERSION);
    envelope.put("data", event.data());
    return JsonText.of(envelope);
  }
}
