package io.plexica.tenancy.infra;

import io.plexica.tenancy.app.SchemaUpgrade;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the schema upgrade when the application starts, in the background: a database that is not
 * reachable yet is retried instead of failing the deployment, and readiness stays DOWN meanwhile.
 */
@ApplicationScoped
public class SchemaUpgradeAtStartup {
  private static final Logger LOG = Logger.getLogger(SchemaUpgradeAtStartup.class.getName());
  private static final long RETRY_MILLIS = 3000;

  @Inject SchemaUpgrade upgrade;

  @Resource private ManagedExecutorService executor;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    executor.submit(this::upgradeUntilDone);
  }

  private void upgradeUntilDone() {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        upgrade.run();
        return;
      } catch (RuntimeException e) {
        upgrade.recordFailure(e.getMessage());
        LOG.log(Level.WARNING, "Schema upgrade failed; retrying in " + RETRY_MILLIS + " ms", e);
        try {
          Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}
