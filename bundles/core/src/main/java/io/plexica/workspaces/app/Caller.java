package io.plexica.workspaces.app;

import io.plexica.audit.domain.AuditEntry;
import io.plexica.identity.domain.Access;
import java.util.UUID;

/**
 * Who acts on workspaces: a user of the tenant, and whether it administers workspaces tenant-wide
 * ({@code workspaces:manage}), which makes it an {@code ADMIN} of every workspace.
 */
public record Caller(UUID userId, String username, boolean tenantAdmin) {
  public static final String MANAGE_ALL = "workspaces:manage";

  public static Caller of(Access access, String username) {
    return new Caller(access.userId(), username, access.grants(MANAGE_ALL));
  }

  AuditEntry.Actor actor() {
    return new AuditEntry.Actor(userId, username);
  }
}
