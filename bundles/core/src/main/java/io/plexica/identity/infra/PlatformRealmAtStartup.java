package io.plexica.identity.infra;

import io.plexica.identity.app.Realms;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Creates the platform realm on first start, in the background and retrying while Keycloak is not
 * reachable yet; readiness reports DOWN until it exists.
 */
@ApplicationScoped
public class PlatformRealmAtStartup {
  private static final Logger LOG = Logger.getLogger(PlatformRealmAtStartup.class.getName());
  private static final long RETRY_MILLIS = 3000;

  @Inject Realms realms;

  @Resource private ManagedExecutorService executor;

  private volatile boolean ready;
  private volatile String lastError;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    executor.submit(this::ensureUntilDone);
  }

  private void ensureUntilDone() {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        realms.ensurePlatformRealm();
        ready = true;
        lastError = null;
        return;
      } catch (RuntimeException e) {
        lastError = e.getMessage();
        LOG.log(Level.WARNING, "Platform realm not ready; retrying in " + RETRY_MILLIS + " ms", e);
        try {
          Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  public boolean isReady() {
    return ready;
  }

  public String lastError() {
    return lastError;
  }
}
