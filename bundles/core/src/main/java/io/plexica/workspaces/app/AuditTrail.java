package io.plexica.workspaces.app;

import io.plexica.audit.domain.AuditEntry;
import io.plexica.shared.json.JsonText;
import io.plexica.workspaces.domain.WorkspaceStore;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/** Writes the audit entry of a workspace change into the transaction making the change. */
public class AuditTrail {
  private final Clock clock;

  public AuditTrail(Clock clock) {
    this.clock = clock;
  }

  /**
   * @param before the target's state before the change, null when it is new
   * @param after its state after, null when it is gone
   */
  public void record(
      WorkspaceStore.Tx tx,
      AuditEntry.Actor actor,
      String action,
      UUID workspaceId,
      String targetType,
      Object targetId,
      Map<String, ?> before,
      Map<String, ?> after) {
    tx.add(
        new AuditEntry(
            clock.instant(),
            actor,
            action,
            workspaceId,
            targetType,
            targetId == null ? null : targetId.toString(),
            before == null ? null : JsonText.of(before),
            after == null ? null : JsonText.of(after)));
  }
}
