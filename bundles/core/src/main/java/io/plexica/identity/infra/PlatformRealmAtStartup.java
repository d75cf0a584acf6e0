package io.plexica.identity.infra;

import io.plexica.identity.app.Realms;
import io.plexica.shared.lifecycle.StartupRetry;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Creates the platform realm on first start, in the background and retrying while Keycloak is not
 * reachable yet; readiness reports DOWN until it exists.
 */
@ApplicationScoped
public class PlatformRealmAtStartup {
  private static final long RETRY_MILLIS = 3000;

  @Inject Realms realms;

  @Resource private ManagedExecutorService executor;

  private volatile boolean ready;
  private volatile String lastError;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    executor.submit(this::ensureUntilDone);
  }

  private void ensureUntilDone() {
    StartupRetry.untilDone(
        "Creating the platform realm",
        () -> {
          realms.ensurePlatformRealm();
          ready = true;
          lastError = null;
        },
        error -> lastError = error,
        RETRY_MILLIS);
  }

  public boolean isReady() {
    return ready;
  }

  public String lastError() {
    return lastError;
  }
}
