package io.plexica.ratelimit.api;

import io.plexica.ratelimit.app.RateLimiter;
import io.plexica.ratelimit.app.RateLimits;
import io.plexica.tenancy.context.CurrentTenant;
import io.plexica.tenancy.context.TenantScoped;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * What a tenant's users do together counts against the tenant's bucket, once the tenant of the
 * request is known (after its token): one tenant cannot take the platform from the others.
 */
@Provider
@TenantScoped
@Priority(Priorities.AUTHORIZATION + 150)
public class TenantRateLimitFilter implements ContainerRequestFilter {
  @Inject RateLimits limits;
  @Inject RateLimiter limiter;
  @Inject CurrentTenant tenant;

  @Override
  public void filter(ContainerRequestContext request) {
    if (limits.enabled()) {
      RateLimitFilter.takeOrRefuse(
          request, limiter, tenant.require().id().toString(), limits.tenant());
    }
  }
}
