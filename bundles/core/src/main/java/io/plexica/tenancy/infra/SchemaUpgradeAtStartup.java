package io.plexica.tenancy.infra;

import io.plexica.shared.lifecycle.StartupRetry;
import io.plexica.tenancy.app.SchemaUpgrade;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Starts the schema upgrade when the application starts, in the background: a database that is not
 * reachable yet is retried instead of failing the deployment, and readiness stays DOWN meanwhile.
 */
@ApplicationScoped
public class SchemaUpgradeAtStartup {
  private static final long RETRY_MILLIS = 3000;

  @Inject SchemaUpgrade upgrade;

  @Resource private ManagedExecutorService executor;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    executor.submit(this::upgradeUntilDone);
  }

  private void upgradeUntilDone() {
    StartupRetry.untilDone("Schema upgrade", upgrade::run, upgrade::recordFailure, RETRY_MILLIS);
  }
}
