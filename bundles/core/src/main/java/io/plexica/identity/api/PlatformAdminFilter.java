package io.plexica.identity.api;

import io.plexica.identity.app.Realms;
import io.plexica.identity.domain.IdentityProblems;
import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.security.PlatformAdminOnly;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/** Lets only platform administrators through to {@link PlatformAdminOnly} endpoints. */
@Provider
@PlatformAdminOnly
@Priority(Priorities.AUTHORIZATION)
public class PlatformAdminFilter implements ContainerRequestFilter {
  @Inject CurrentIdentity identity;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!identity.require().isPlatformAdmin(Realms.PLATFORM_REALM)) {
      throw new ProblemException(
          IdentityProblems.FORBIDDEN,
          "Only platform administrators may manage tenants; this token is not one.");
    }
  }
}
