package io.plexica.events.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * An event a plugin's handler failed on, with where its handling stands: {@code RETRYING}
 * (automatic retries after 1, 2, 4 s), {@code FAILED} (they all failed; the event is on {@code
 * dlq.<topic>}), {@code PENDING} (a retry was asked for), {@code RESOLVED} (a later attempt
 * succeeded).
 */
public record DeadLetter(
    UUID id,
    UUID eventId,
    String topic,
    UUID tenantId,
    String pluginId,
    String handler,
    Status status,
    int attempts,
    String lastError,
    Instant createdAt,
    Instant updatedAt,
    Instant nextAttemptAt,
    String envelope) {

  /** Where the handling of a dead letter stands. */
  public enum Status {
    PENDING,
    RETRYING,
    FAILED,
    RESOLVED
  }
}
