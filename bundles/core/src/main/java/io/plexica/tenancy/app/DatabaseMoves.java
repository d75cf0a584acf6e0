package io.plexica.tenancy.app;

import io.plexica.shared.lease.WorkLeases;
import io.plexica.shared.placement.SchemaAddress;
import io.plexica.shared.problem.ProblemException;
import io.plexica.tenancy.domain.DatabaseMove;
import io.plexica.tenancy.domain.DatabaseMove.State;
import io.plexica.tenancy.domain.DatabaseMove.Step;
import io.plexica.tenancy.domain.DatabaseMoveLog;
import io.plexica.tenancy.domain.TenancyProblems;
import io.plexica.tenancy.domain.Tenant;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.tenancy.domain.TenantRepository;
import io.plexica.tenancy.domain.TenantStatus;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Moves a tenant's schema to another PostgreSQL cluster, in the background, as a saga recorded in
 * {@link DatabaseMoveLog}: the target schema made and migrated (with the plugins' tables), the rows
 * copied while the source takes no writes and the source dropped in the same transaction (the point
 * of no return), then the placement switched. A failure before the point of no return drops the
 * target again; a node that dies mid-move leaves its lease to expire, and the node that takes it
 * over settles the move from what the clusters hold: source still there, back; gone, forward.
 */
public class DatabaseMoves {
  private static final Logger LOG = Logger.getLogger(DatabaseMoves.class.getName());

  /** The lease a node holds on a tenant while it moves the tenant's schema; detail: the move id. */
  public static final String MOVE_LEASE = "tenant-database-move";

  private final TenantRepository tenants;
  private final DatabaseMoveLog log;
  private final TenantSchemas schemas;
  private final List<TenantLifecycleListener> listeners;
  private final DatabasePlacement clusters;
  private final LeasedWork work;
  private final Clock clock;

  public DatabaseMoves(
      TenantRepository tenants,
      DatabaseMoveLog log,
      TenantSchemas schemas,
      List<TenantLifecycleListener> listeners,
      DatabasePlacement clusters,
      WorkLeases leases,
      ProvisioningExecutor executor,
      Clock clock) {
    this.tenants = tenants;
    this.log = log;
    this.schemas = schemas;
    this.listeners = List.copyOf(listeners);
    this.clusters = clusters;
    this.work = new LeasedWork(leases, MOVE_LEASE, executor);
    this.clock = clock;
  }

  /**
   * Starts moving the tenant's schema to {@code targetCluster} and returns the move as recorded,
   * before any step ran. The tenant must be ACTIVE or SUSPENDED, elsewhere than the target, and not
   * being moved or provisioned.
   */
  public DatabaseMove start(Tenant tenant, String targetCluster) {
    String target = clusters.place(Optional.of(targetCluster));
    if (tenant.status() != TenantStatus.ACTIVE && tenant.status() != TenantStatus.SUSPENDED) {
      throw new ProblemException(
          TenancyProblems.ILLEGAL_TRANSITION,
          "Tenant '"
              + tenant.slug()
              + "' is "
              + tenant.status()
              + "; only an ACTIVE or SUSPENDED tenant can be moved.");
    }
    if (tenant.database().cluster().equals(target)) {
      throw new ProblemException(
          TenancyProblems.ILLEGAL_TRANSITION,
          "Tenant '" + tenant.slug() + "' is already on database cluster '" + target + "'.");
    }
    DatabaseMove move =
        DatabaseMove.start(tenant.id(), tenant.database().cluster(), target, clock.instant());
    work.start(
        tenant,
        move.id(),
        () -> {
          for (TenantLifecycleListener listener : listeners) {
            Optional<String> busy = listener.busyWith(TenantRef.of(tenant));
            if (busy.isPresent()) {
              throw new ProblemException(
                  TenancyProblems.ILLEGAL_TRANSITION,
                  "Tenant '" + tenant.slug() + "' cannot move right now: " + busy.get());
            }
          }
        },
        () -> log.insert(move),
        () -> run(move));
    return move;
  }

  /** The tenant's moves, the newest first. */
  public List<DatabaseMove> of(Tenant tenant) {
    return log.ofTenant(tenant.id());
  }

  /**
   * Settles a move whose node died (this node holds its lease now): rolls it back while the source
   * schema still exists, else finishes it.
   */
  public void settle(UUID tenantId, UUID moveId) {
    work.settle(
        tenantId,
        () -> log.find(moveId).filter(m -> m.state() == State.RUNNING),
        move -> {
          LOG.warning("Settling the interrupted database move " + moveId);
          Tenant tenant = tenant(move);
          if (schemas.exists(source(tenant, move))) {
            rollBack(move, tenant, "The node moving the tenant stopped before the copy ended");
          } else {
            finish(move, tenant);
          }
        });
  }

  private void run(DatabaseMove started) {
    Tenant tenant = tenant(started);
    SchemaAddress source = source(tenant, started);
    SchemaAddress target = new SchemaAddress(started.targetCluster(), source.schema());
    DatabaseMove move = started;
    TenantSchemas.Copied copied;
    try {
      if (schemas.exists(target)) {
        throw new IllegalStateException(
            "Schema " + target.schema() + " already exists on cluster " + target.cluster());
      }
      schemas.create(target);
      schemas.migrate(target);
      TenantRef onTarget = TenantRef.of(tenant).placedOn(target);
      listeners.forEach(listener -> listener.movingTo(onTarget));
      DatabaseMove copying = record(move.at(Step.COPY));
      move = copying;
      // What a person watching the move sees while the rows stream.
      copied =
          schemas.moveRows(
              source, target, (tables, of, rows) -> record(copying.copied(tables, rows)));
    } catch (RuntimeException e) {
      if (move.step() == Step.COPY && !schemas.exists(source)) {
        // The source went: whatever failed came after the point of no return.
        finish(move, tenant);
        return;
      }
      LOG.log(Level.WARNING, "Moving tenant " + tenant.slug() + " failed; rolling back", e);
      rollBack(move, tenant, e.getMessage());
      return;
    }
    finish(move.copied(copied.tables(), copied.rows()), tenant);
  }

  /** Past the point of no return: the target holds the rows, the placement must name it. */
  private void finish(DatabaseMove move, Tenant tenant) {
    DatabaseMove switching = record(move.at(Step.SWITCH));
    tenants.update(
        tenant.id(),
        t -> t.placeOn(switching.targetCluster(), clock.instant()),
        TenantEvents.event("database_moved"));
    record(switching.ended(State.DONE, null, clock.instant()));
    LOG.info(
        "Tenant "
            + tenant.slug()
            + " moved to database cluster "
            + switching.targetCluster()
            + " ("
            + switching.tablesCopied()
            + " tables, "
            + switching.rowsCopied()
            + " rows)");
  }

  private void rollBack(DatabaseMove move, Tenant tenant, String why) {
    DatabaseMove rolling = record(move.at(Step.ROLL_BACK));
    schemas.discard(new SchemaAddress(rolling.targetCluster(), tenant.database().schema()));
    record(rolling.ended(State.ROLLED_BACK, why, clock.instant()));
  }

  private DatabaseMove record(DatabaseMove move) {
    log.update(move);
    return move;
  }

  private Tenant tenant(DatabaseMove move) {
    return tenants
        .findById(move.tenantId())
        .orElseThrow(() -> new IllegalStateException("No tenant " + move.tenantId()));
  }

  private static SchemaAddress source(Tenant tenant, DatabaseMove move) {
    return new SchemaAddress(move.sourceCluster(), tenant.database().schema());
  }
}
