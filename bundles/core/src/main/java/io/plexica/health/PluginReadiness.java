package io.plexica.health;

import io.plexica.plugins.infra.PluginsAtStartup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the registered plugins were started (or safe mode keeps them off). */
@Readiness
@ApplicationScoped
public class PluginReadiness extends DetailedCheck {
  @Inject PluginsAtStartup plugins;

  @Override
  public HealthCheckResponse detailed() {
    return HealthCheckResponse.named("plugins")
        .withData("started", plugins.done())
        .withData("safeMode", plugins.safeMode())
        .status(plugins.done())
        .build();
  }
}
