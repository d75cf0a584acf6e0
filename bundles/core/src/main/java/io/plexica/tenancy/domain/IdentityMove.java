package io.plexica.tenancy.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A move of a tenant's people from one identity home to another, as it stands: where from and to
 * (the target's organization once it is made), the step it is at while {@link State#RUNNING}, how
 * many people and service accounts it moved, and how it ended.
 */
public record IdentityMove(
    UUID id,
    UUID tenantId,
    IdentityHome source,
    IdentityHome target,
    State state,
    Step step,
    int people,
    int serviceAccounts,
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
    /** The target made: a realm without people, or an organization in a shared realm. */
    PREPARE_TARGET,
    /** People and service accounts moved with their ids and credentials, all at once. */
    MOVE_PEOPLE,
    /**
     * The placement names the target: tokens of the target bind to the tenant, the source's no
     * more.
     */
    SWITCH,
    /** The source removed: the realm of its own, or the organization. */
    CLEAN_UP,
    /** People sent back if they had moved, and the target removed; the source is as it was. */
    ROLL_BACK,
    /** Nothing left to do. */
    END
  }

  public static IdentityMove start(
      UUID tenantId, IdentityHome source, IdentityHome target, Instant now) {
    return new IdentityMove(
        UUID.randomUUID(),
        tenantId,
        source,
        target,
        State.RUNNING,
        Step.PREPARE_TARGET,
        0,
        0,
        null,
        now,
        null);
  }

  public IdentityMove at(Step next) {
    return new IdentityMove(
        id,
        tenantId,
        source,
        target,
        state,
        next,
        people,
        serviceAccounts,
        error,
        startedAt,
        endedAt);
  }

  /** The target as made (with its organization's id). */
  public IdentityMove into(IdentityHome made) {
    return new IdentityMove(
        id,
        tenantId,
        source,
        made,
        state,
        step,
        people,
        serviceAccounts,
        error,
        startedAt,
        endedAt);
  }

  public IdentityMove moved(int movedPeople, int movedServiceAccounts) {
    return new IdentityMove(
        id,
        tenantId,
        source,
        target,
        state,
        step,
        movedPeople,
        movedServiceAccounts,
        error,
        startedAt,
        endedAt);
  }

  public IdentityMove ended(State end, String why, Instant now) {
    return new IdentityMove(
        id, tenantId, source, target, end, Step.END, people, serviceAccounts, why, startedAt, now);
  }
}
