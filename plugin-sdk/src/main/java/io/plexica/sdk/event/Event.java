package io.plexica.sdk.event;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One event as it travels on the bus.
 *
 * @param id time-ordered id (UUID version 7), the same on every delivery of the event
 * @param type its topic, such as {@code core.user.created}
 * @param tenantId the tenant it happened in
 * @param workspaceId the workspace, when it happened in one
 * @param occurredAt when
 * @param source {@code core} or the publishing plugin's id
 * @param schemaVersion the envelope's layout version
 * @param data what the event says; its fields are listed per topic in the platform's docs
 */
public record Event(
    UUID id,
    String type,
    UUID tenantId,
    Optional<UUID> workspaceId,
    Instant occurredAt,
    String source,
    int schemaVersion,
    JsonObject data) {}
