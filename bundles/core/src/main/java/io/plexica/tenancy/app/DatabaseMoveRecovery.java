package io.plexica.tenancy.app;

import io.plexica.shared.lease.ExpiredWork;
import io.plexica.shared.lease.WorkLeases;
import java.util.UUID;

/** Database moves that a dead node left half-done, settled by a node that lives. */
public class DatabaseMoveRecovery implements ExpiredWork {
  private final DatabaseMoves moves;

  public DatabaseMoveRecovery(DatabaseMoves moves) {
    this.moves = moves;
  }

  @Override
  public String kind() {
    return DatabaseMoves.MOVE_LEASE;
  }

  /** The lease's subject is the tenant, its detail the move. */
  @Override
  public void takeOver(WorkLeases.Lease lease) {
    moves.settle(UUID.fromString(lease.subject()), UUID.fromString(lease.detail()));
  }
}
