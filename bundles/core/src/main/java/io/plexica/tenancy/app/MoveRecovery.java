package io.plexica.tenancy.app;

import io.plexica.shared.lease.ExpiredWork;
import io.plexica.shared.lease.WorkLeases;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Moves of a tenant (its schema, its people) that a dead node left half-done, settled by a node
 * that lives. The lease's subject is the tenant, its detail the move.
 */
public class MoveRecovery implements ExpiredWork {
  private final String kind;
  private final BiConsumer<UUID, UUID> settle;

  private MoveRecovery(String kind, BiConsumer<UUID, UUID> settle) {
    this.kind = kind;
    this.settle = settle;
  }

  public static MoveRecovery of(DatabaseMoves moves) {
    return new MoveRecovery(DatabaseMoves.MOVE_LEASE, moves::settle);
  }

  public static MoveRecovery of(IdentityMoves moves) {
    return new MoveRecovery(IdentityMoves.MOVE_LEASE, moves::settle);
  }

  @Override
  public String kind() {
    return kind;
  }

  @Override
  public void takeOver(WorkLeases.Lease lease) {
    settle.accept(UUID.fromString(lease.subject()), UUID.fromString(lease.detail()));
  }
}
