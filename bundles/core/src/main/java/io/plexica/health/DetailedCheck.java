package io.plexica.health;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * A readiness check whose details (schema counts, plugin and relay state, last errors) are for
 * operators only: {@code /health/ready} is public, so load balancers can read it, and shows each
 * check's name and status; the details are served to platform administrators at {@code
 * /api/v1/admin/health}.
 */
public abstract class DetailedCheck implements HealthCheck {

  /** The check with its details. */
  public abstract HealthCheckResponse detailed();

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponse detailed = detailed();
    return HealthCheckResponse.named(detailed.getName())
        .status(detailed.getStatus() == HealthCheckResponse.Status.UP)
        .build();
  }
}
