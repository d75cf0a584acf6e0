package io.plexica.tenancy.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A move of a tenant's schema from one PostgreSQL cluster to another, as it stands: the step it is
 * at while {@link State#RUNNING}, what it copied, and how it ended.
 */
public record DatabaseMove(
    UUID id,
    UUID tenantId,
    String sourceCluster,
    String targetCluster,
    State state,
    Step step,
    int tablesCopied,
    long rowsCopied,
    String error,
    Instant startedAt,
    Instant endedAt) {

  public enum State {
    RUNNING,
    DONE,
    ROLLED_BACK
  }

  /** The steps in order; a failure before {@link #SWITCH} rolls back, one at it goes forward. */
  public enum Step {
    /** The schema made and migrated on the target, with the plugins' tables. */
    PREPARE_TARGET,
    /** Rows copied while the source's tables take no writes; the source dropped at the end. */
    COPY,
    /** The placement names the target: requests go there. */
    SWITCH,
    /** The target's schema dropped again after a failure; the source is untouched. */
    ROLL_BACK,
    /** Nothing left to do. */
    END
  }

  public static DatabaseMove start(
      UUID tenantId, String sourceCluster, String targetCluster, Instant now) {
    return new DatabaseMove(
        UUID.randomUUID(),
        tenantId,
        sourceCluster,
        targetCluster,
        State.RUNNING,
        Step.PREPARE_TARGET,
        0,
        0,
        null,
        now,
        null);
  }

  public DatabaseMove at(Step next) {
    return new DatabaseMove(
        id,
        tenantId,
        sourceCluster,
        targetCluster,
        state,
        next,
        tablesCopied,
        rowsCopied,
        error,
        startedAt,
        endedAt);
  }

  public DatabaseMove copied(int tables, long rows) {
    return new DatabaseMove(
        id,
        tenantId,
        sourceCluster,
        targetCluster,
        state,
        step,
        tables,
        rows,
        error,
        startedAt,
        endedAt);
  }

  public DatabaseMove ended(State end, String why, Instant now) {
    return new DatabaseMove(
        id,
        tenantId,
        sourceCluster,
        targetCluster,
        end,
        Step.END,
        tablesCopied,
        rowsCopied,
        why,
        startedAt,
        now);
  }
}
