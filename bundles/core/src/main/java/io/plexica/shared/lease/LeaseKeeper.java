package io.plexica.shared.lease;

import io.plexica.shared.lifecycle.BackgroundLoop;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Two loops on every node: one renews the leases this node holds (three times per lease period, so
 * a slow step never loses its lease while its node lives), the other claims the expired leases of
 * every kind of {@link ExpiredWork} and has them settled, one after the other.
 */
@ApplicationScoped
public class LeaseKeeper {
  private static final Logger LOG = Logger.getLogger(LeaseKeeper.class.getName());

  @Inject WorkLeases leases;
  @Inject @Any Instance<ExpiredWork> work;
  private BackgroundLoop renewing;
  private BackgroundLoop recovering;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    Duration ttl = leases.ttl();
    List<ExpiredWork> kinds = work.stream().toList();
    renewing =
        new BackgroundLoop(
                "plexica-lease-renewal",
                loop -> {
                  while (loop.running()) {
                    loop.pause(ttl.dividedBy(3));
                    quietly("renew this node's leases", () -> leases.renewHeld());
                  }
                })
            .start();
    recovering =
        new BackgroundLoop(
                "plexica-lease-recovery",
                loop -> {
                  while (loop.running()) {
                    loop.pause(ttl.dividedBy(2));
                    kinds.forEach(
                        kind -> quietly("take over " + kind.kind(), () -> settle(leases, kind)));
                  }
                })
            .start();
  }

  /** Claims the expired leases of one kind and has each settled; returns how many it took over. */
  public static int settle(WorkLeases leases, ExpiredWork kind) {
    List<WorkLeases.Lease> claimed = leases.claimExpired(kind.kind());
    for (WorkLeases.Lease lease : claimed) {
      LOG.warning(
          "Taking over " + kind.kind() + " of " + lease.subject() + " from a node that is gone");
      try {
        kind.takeOver(lease);
      } catch (RuntimeException e) {
        // Not released: the lease expires again and the next round (here or elsewhere) retries.
        leases.abandon(lease.kind(), lease.subject());
        LOG.log(Level.WARNING, "Could not settle " + kind.kind() + " of " + lease.subject(), e);
      }
    }
    return claimed.size();
  }

  private static void quietly(String what, Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not " + what + "; next round", e);
    }
  }

  @PreDestroy
  void stop() {
    if (renewing != null) {
      renewing.close();
    }
    if (recovering != null) {
      recovering.close();
    }
  }
}
