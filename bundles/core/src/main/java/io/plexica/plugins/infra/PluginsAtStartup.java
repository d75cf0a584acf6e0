package io.plexica.plugins.infra;

import io.plexica.plugins.app.PluginDeployment;
import io.plexica.tenancy.app.SchemaUpgrade;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts every registered plugin once the platform's schema is migrated, in the background, unless
 * {@code plexica.plugins.safe-mode} is true: then the platform runs with every plugin off, so an
 * operator can remove one that breaks it. Readiness waits for it ({@code PluginReadiness}).
 */
@ApplicationScoped
public class PluginsAtStartup {
  private static final Logger LOG = Logger.getLogger(PluginsAtStartup.class.getName());

  @Inject PluginDeployment deployment;
  @Inject SchemaUpgrade schema;
  @Resource private ManagedExecutorService executor;

  @Inject
  @ConfigProperty(name = "plexica.plugins.safe-mode", defaultValue = "false")
  boolean safeMode;

  private volatile boolean done;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    if (safeMode) {
      LOG.warning("Safe mode: no plugin is started (plexica.plugins.safe-mode=true)");
      done = true;
      return;
    }
    executor.submit(this::startWhenSchemaIsReady);
  }

  private void startWhenSchemaIsReady() {
    try {
      while (!schema.isCoreDone()) {
        Thread.sleep(200);
      }
      deployment.activateAll();
      done = true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public boolean done() {
    return done;
  }

  public boolean safeMode() {
    return safeMode;
  }
}
