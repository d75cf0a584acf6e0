package io.plexica.plugins.infra;

import io.plexica.plugins.app.DeployFolder;
import io.plexica.plugins.app.PluginDeployment;
import io.plexica.plugins.app.PluginLibraries;
import io.plexica.plugins.app.PluginManifests;
import io.plexica.tenancy.app.SchemaUpgrade;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Installs every library bundle and starts every registered plugin once the platform's schema is
 * migrated, in the background, then watches the deploy folder ({@code plexica.plugins.deploy-dir})
 * when one is configured, unless {@code plexica.plugins.safe-mode} is true: then the platform runs
 * with every plugin off, so an operator can remove one that breaks it. Readiness waits for it
 * ({@code PluginReadiness}).
 */
@ApplicationScoped
public class PluginsAtStartup {
  private static final Logger LOG = Logger.getLogger(PluginsAtStartup.class.getName());
  private static final long SCAN_MILLIS = 2000;

  @Inject PluginDeployment deployment;
  @Inject PluginLibraries libraries;

  /** Made before any plugin starts, so that a plugin's first call can reach other plugins. */
  @Inject io.plexica.plugins.app.PluginCalls calls;

  @Inject SchemaUpgrade schema;
  @Resource private ManagedExecutorService executor;
  @Resource private ManagedScheduledExecutorService scheduler;

  @Inject
  @ConfigProperty(name = "plexica.plugins.safe-mode", defaultValue = "false")
  boolean safeMode;

  @Inject
  @ConfigProperty(name = "plexica.plugins.deploy-dir")
  Optional<String> deployDir;

  @Inject PluginManifests manifests;

  private Optional<DeployFolder> deployFolder = Optional.empty();
  private volatile boolean done;
  private volatile ScheduledFuture<?> scanning;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    if (safeMode) {
      LOG.warning("Safe mode: no plugin is started (plexica.plugins.safe-mode=true)");
      done = true;
      return;
    }
    deployFolder =
        deployDir.map(d -> new DeployFolder(Path.of(d), deployment, libraries, manifests));
    schema.afterCore("Plugins", executor, this::activate);
  }

  private void activate() {
    // Libraries first: plugins that import their packages resolve against them.
    libraries.reconcile();
    deployment.activateAll();
    done = true;
    deployFolder.ifPresent(this::watch);
  }

  /** Scans the deploy folder every two seconds for as long as the application runs. */
  private void watch(DeployFolder folder) {
    LOG.info("Watching " + folder.folder() + " for plugin bundles");
    scanning =
        scheduler.scheduleWithFixedDelay(
            () -> {
              try {
                folder.scan();
              } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Deploy folder scan failed", e);
              }
            },
            0,
            SCAN_MILLIS,
            TimeUnit.MILLISECONDS);
  }

  /** The scan stops with the application, not at its first run after it (a logged failure). */
  @PreDestroy
  void stop() {
    ScheduledFuture<?> scan = scanning;
    if (scan != null) {
      scan.cancel(false);
    }
  }

  public boolean done() {
    return done;
  }

  public boolean safeMode() {
    return safeMode;
  }
}
