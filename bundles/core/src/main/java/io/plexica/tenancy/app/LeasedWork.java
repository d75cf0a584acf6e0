package io.plexica.tenancy.app;

import io.plexica.shared.lease.WorkLeases;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Work done under a lease this node holds, released when it is over; an error nobody planned for
 * (the core database gone, say) abandons the lease, and another node settles the work later.
 */
final class LeasedWork {
  private static final Logger LOG = Logger.getLogger(LeasedWork.class.getName());

  private LeasedWork() {}

  static void run(WorkLeases leases, String kind, String subject, Runnable work) {
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
