package io.plexica.workspaces.domain;

import java.time.Instant;
import java.util.UUID;

/** A workspace member with what the tenant knows of the user. */
public record MemberDetails(
    UUID userId,
    String username,
    String email,
    String displayName,
    WorkspaceRole role,
    UUID invitedBy,
    Instant joinedAt) {}
