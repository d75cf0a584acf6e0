package io.plexica.events.domain;

import io.plexica.shared.query.PageRequest;
import java.util.Optional;
import java.util.UUID;

/** Which dead letters to list, newest first: each filter narrows. */
public record DeadLetterQuery(
    Optional<String> topic,
    Optional<String> pluginId,
    Optional<UUID> tenantId,
    Optional<DeadLetter.Status> status,
    PageRequest page) {}
