package io.plexica.workspaces.app;

import io.plexica.audit.domain.AuditEntry;
import io.plexica.shared.events.DomainEvent;
import io.plexica.shared.json.JsonText;
import io.plexica.workspaces.domain.WorkspaceStore;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Writes the audit entry of a workspace change into the transaction making the change, and, for the
 * changes other parts of the platform and plugins act on, its {@code core.<domain>.<action>} event.
 */
public class AuditTrail {
  /** Audited actions that are also events on the bus. */
  static final Set<String> PUBLISHED =
      Set.of(
          "workspace.created",
          "workspace.updated",
          "workspace.deleted",
          "member.added",
          "member.removed",
          "member.role_changed");

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
    if (PUBLISHED.contains(action)) {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("workspaceId", workspaceId.toString());
      data.put(targetType + "Id", targetId == null ? null : targetId.toString());
      data.put("actorId", actor.id() == null ? null : actor.id().toString());
      data.put("before", before);
      data.put("after", after);
      tx.publish(DomainEvent.inWorkspace("core." + action, tx.tenantId(), workspaceId, data));
    }
  }
}
