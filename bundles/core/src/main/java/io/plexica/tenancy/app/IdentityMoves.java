package io.plexica.tenancy.app;

import io.plexica.shared.lease.WorkLeases;
import io.plexica.shared.problem.ProblemException;
import io.plexica.tenancy.domain.IdentityHome;
import io.plexica.tenancy.domain.IdentityMove;
import io.plexica.tenancy.domain.IdentityMove.State;
import io.plexica.tenancy.domain.IdentityMove.Step;
import io.plexica.tenancy.domain.IdentityMoveLog;
import io.plexica.tenancy.domain.TenancyProblems;
import io.plexica.tenancy.domain.Tenant;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.tenancy.domain.TenantRepository;
import io.plexica.tenancy.domain.TenantSlug;
import io.plexica.tenancy.domain.TenantStatus;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Moves a tenant's people between identity homes (a realm of its own, an organization in a shared
 * realm), in the background, as a saga recorded in {@link IdentityMoveLog}: the target made, the
 * people and service accounts moved there with their ids and credentials in one step of the
 * identity provider (all or nothing), the placement switched, the source removed. A failure before
 * the switch sends the people back if they had moved and removes the target; a node that dies
 * mid-move leaves its lease to expire, and the node that takes it over settles the move from where
 * the people are: in the target, forward; else back.
 */
public class IdentityMoves {
  private static final Logger LOG = Logger.getLogger(IdentityMoves.class.getName());

  /** The lease a node holds on a tenant while it moves the tenant's people; detail: the move id. */
  public static final String MOVE_LEASE = "tenant-identity-move";

  private final TenantRepository tenants;
  private final IdentityMoveLog log;
  private final IdentityHomeMoves homes;
  private final IdentityPlacement placement;
  private final LeasedWork work;
  private final Clock clock;

  public IdentityMoves(
      TenantRepository tenants,
      IdentityMoveLog log,
      IdentityHomeMoves homes,
      IdentityPlacement placement,
      WorkLeases leases,
      ProvisioningExecutor executor,
      Clock clock) {
    this.tenants = tenants;
    this.log = log;
    this.homes = homes;
    this.placement = placement;
    this.work = new LeasedWork(leases, MOVE_LEASE, executor);
    this.clock = clock;
  }

  /**
   * Starts moving the tenant's people to a home of {@code kind} (an organization goes to the first
   * shared realm with room) and returns the move as recorded, before any step ran. The tenant must
   * be ACTIVE, live elsewhere, not be moving, and its people must be able to move there: what stops
   * them is refused now, by name.
   */
  public IdentityMove start(Tenant tenant, IdentityHome.Kind kind) {
    if (tenant.status() != TenantStatus.ACTIVE) {
      throw new ProblemException(
          TenancyProblems.ILLEGAL_TRANSITION,
          "Tenant '"
              + tenant.slug()
              + "' is "
              + tenant.status()
              + "; only an ACTIVE tenant's people can move.");
    }
    IdentityHome source = tenant.identityHome();
    if (source.kind() == kind) {
      throw new ProblemException(
          TenancyProblems.ILLEGAL_TRANSITION,
          "Tenant '" + tenant.slug() + "' already lives in " + describe(source) + ".");
    }
    TenantRef ref = TenantRef.of(tenant);
    homes.unavailable(ref).ifPresent(why -> refuse(tenant, why));
    IdentityHome target = placement.place(new TenantSlug(tenant.slug()), Optional.of(kind));
    List<String> obstacles = homes.obstacles(ref, target);
    if (!obstacles.isEmpty()) {
      refuse(tenant, String.join("; ", obstacles));
    }
    IdentityMove move = IdentityMove.start(tenant.id(), source, target, clock.instant());
    work.start(tenant, move.id(), () -> {}, () -> log.insert(move), () -> run(move));
    return move;
  }

  /** Whether the tenant's people are being moved now: who they are must not change meanwhile. */
  public boolean isMoving(UUID tenantId) {
    return work.isUnderWay(tenantId);
  }

  private static void refuse(Tenant tenant, String why) {
    throw new ProblemException(
        TenancyProblems.IDENTITY_MOVE_REFUSED,
        "Tenant '" + tenant.slug() + "' cannot move its people: " + why + ".");
  }

  /** The tenant's moves, the newest first. */
  public List<IdentityMove> of(Tenant tenant) {
    return log.ofTenant(tenant.id());
  }

  /**
   * Settles a move whose node died (this node holds its lease now): forward when the people are in
   * the target or the placement was being switched, else back.
   */
  public void settle(UUID tenantId, UUID moveId) {
    work.settle(
        tenantId,
        () -> log.find(moveId).filter(m -> m.state() == State.RUNNING),
        move -> {
          LOG.warning("Settling the interrupted identity move " + moveId);
          Tenant tenant = tenant(move);
          boolean pastSwitch = move.step() == Step.SWITCH || move.step() == Step.CLEAN_UP;
          if (pastSwitch || peopleIn(move.target(), tenant)) {
            finish(move, tenant);
          } else {
            rollBack(move, tenant, "The node moving the tenant stopped before the people moved");
          }
        });
  }

  /** Whether the people are in {@code home}, which a failure may have left unmade. */
  private boolean peopleIn(IdentityHome home, Tenant tenant) {
    boolean made = home.organization() != null || !home.isSharedRealm();
    return made && homes.holdsPeople(TenantRef.of(tenant), home);
  }

  private void run(IdentityMove started) {
    Tenant tenant = tenant(started);
    IdentityMove move = started;
    try {
      IdentityHome made = homes.prepare(tenant, move.target());
      move = record(move.into(made).at(Step.MOVE_PEOPLE));
      IdentityHomeMoves.Moved moved =
          homes.movePeople(TenantRef.of(tenant), move.source(), move.target());
      move = move.moved(moved.people(), moved.serviceAccounts());
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING, "Moving tenant " + tenant.slug() + "'s people failed; rolling back", e);
      rollBack(move, tenant, e.getMessage());
      return;
    }
    finish(move, tenant);
  }

  /** The people are in the target: the placement names it, and the source goes. */
  private void finish(IdentityMove move, Tenant tenant) {
    IdentityMove switching = record(move.at(Step.SWITCH));
    tenants.update(
        tenant.id(),
        t -> t.moveIdentityTo(switching.target(), clock.instant()),
        TenantEvents.event("identity_moved"));
    IdentityMove cleaning = record(switching.at(Step.CLEAN_UP));
    String note = null;
    try {
      homes.discard(TenantRef.of(tenant), cleaning.source());
    } catch (RuntimeException e) {
      // The tenant works from its new home; what is left of the old one is the operator's to
      // remove.
      LOG.log(Level.WARNING, "The old identity home of " + tenant.slug() + " stays", e);
      note =
          "Moved, but " + describe(cleaning.source()) + " could not be removed: " + e.getMessage();
    }
    record(cleaning.ended(State.DONE, note, clock.instant()));
    LOG.info(
        "Tenant "
            + tenant.slug()
            + "'s people moved to "
            + describe(cleaning.target())
            + " ("
            + cleaning.people()
            + " people, "
            + cleaning.serviceAccounts()
            + " service accounts)");
  }

  private void rollBack(IdentityMove move, Tenant tenant, String why) {
    IdentityMove rolling = record(move.at(Step.ROLL_BACK));
    TenantRef ref = TenantRef.of(tenant);
    if (peopleIn(rolling.target(), tenant)) {
      homes.movePeople(ref, rolling.target(), rolling.source());
    }
    homes.discard(ref, rolling.target());
    record(rolling.ended(State.ROLLED_BACK, why, clock.instant()));
  }

  private IdentityMove record(IdentityMove move) {
    log.update(move);
    return move;
  }

  private Tenant tenant(IdentityMove move) {
    return tenants
        .findById(move.tenantId())
        .orElseThrow(() -> new IllegalStateException("No tenant " + move.tenantId()));
  }

  private static String describe(IdentityHome home) {
    return home.isSharedRealm()
        ? "an organization of the shared realm " + home.realm()
        : "a realm of its own (" + home.realm() + ")";
  }
}
