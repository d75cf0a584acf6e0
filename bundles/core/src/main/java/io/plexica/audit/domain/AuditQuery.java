package io.plexica.audit.domain;

import io.plexica.shared.query.PageRequest;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Which audit entries to list: each filter narrows, newest first, one page. */
public record AuditQuery(
    Optional<UUID> workspaceId,
    Optional<UUID> actorId,
    Optional<String> action,
    Optional<Instant> from,
    Optional<Instant> to,
    PageRequest page) {}
