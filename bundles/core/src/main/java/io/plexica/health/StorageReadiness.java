package io.plexica.health;

import io.plexica.storage.app.TenantStorage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the object storage answers and accepts the platform's credentials. */
@Readiness
@ApplicationScoped
public class StorageReadiness extends DetailedCheck {
  @Inject TenantStorage storage;

  @Override
  public HealthCheckResponse detailed() {
    return HealthCheckResponse.named("storage").status(storage.reachable()).build();
  }
}
