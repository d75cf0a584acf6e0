package io.plexica.tenancy.app;

import io.plexica.shared.lease.WorkLeases;
import io.plexica.shared.problem.ProblemException;
import io.plexica.tenancy.domain.TenancyProblems;
import io.plexica.tenancy.domain.Tenant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A move of a tenant done in the background under a lease of {@code kind} on the tenant (detail:
 * the move's id): at most one at a time per tenant, released when it is over. An error nobody
 * planned for (the core database gone, say) abandons the lease, and another node settles the move
 * once the lease expires.
 */
final class LeasedWork {
  private static final Logger LOG = Logger.getLogger(LeasedWork.class.getName());

  private final WorkLeases leases;
  private final String kind;
  private final ProvisioningExecutor executor;

  LeasedWork(WorkLeases leases, String kind, ProvisioningExecutor executor) {
    this.leases = leases;
    this.kind = kind;
    this.executor = executor;
  }

  /**
   * Takes the tenant's lease for the move, runs {@code checks} and {@code record} under it, then
   * {@code work} in the background; a refusal (a move running, a failed check) releases it.
   */
  void start(Tenant tenant, UUID move, Runnable checks, Runnable record, Runnable work) {
    String subject = tenant.id().toString();
    if (!leases.take(kind, subject, move.toString())) {
      throw new ProblemException(
          TenancyProblems.ILLEGAL_TRANSITION,
          "Tenant '" + tenant.slug() + "' is being moved right now; wait until that move ends.");
    }
    try {
      checks.run();
      record.run();
      executor.submit(() -> run(subject, work));
    } catch (RuntimeException e) {
      leases.release(kind, subject);
      throw e;
    }
  }

  /**
   * Settles a move whose node died (this node holds its lease now), if it is still {@code running}.
   */
  <M> void settle(UUID tenantId, Supplier<Optional<M>> running, Consumer<M> settle) {
    run(tenantId.toString(), () -> running.get().ifPresent(settle));
  }

  /** Whether a move of the tenant is under way (or left by a node that died). */
  boolean isUnderWay(UUID tenantId) {
    return leases.subjects(kind).contains(tenantId.toString());
  }

  private void run(String subject, Runnable work) {
    try {
      work.run();
    } catch (Throwable unplanned) {
      leases.abandon(kind, subject);
      LOG.log(
          Level.SEVERE,
          kind + " of " + subject + " stopped half-way; it is settled later",
          unplanned);
      return;
    }
    leases.release(kind, subject);
  }
}
