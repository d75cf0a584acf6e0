package io.plexica.health;

import io.plexica.identity.infra.PlatformRealmAtStartup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready once Keycloak answered and the platform realm exists. */
@Readiness
@ApplicationScoped
public class IdentityReadiness extends DetailedCheck {
  @Inject PlatformRealmAtStartup platformRealm;

  @Override
  public HealthCheckResponse detailed() {
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("identity").withData("platformRealm", platformRealm.isReady());
    if (platformRealm.lastError() != null) {
      response.withData("lastError", platformRealm.lastError());
    }
    return response.status(platformRealm.isReady()).build();
  }
}
