package io.plexica.ratelimit.api;

import io.plexica.ratelimit.app.RateLimiter;
import io.plexica.ratelimit.app.RateLimiter.Bucket;
import io.plexica.ratelimit.app.RateLimits;
import io.plexica.tenancy.context.CurrentTenant;
import io.plexica.tenancy.context.TenantScoped;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.List;

/**
 * What a tenant's users do together counts against the tenant's bucket, once the tenant of the
 * request is known (after its token): one tenant cannot take the platform from the others. The
 * client's bucket, deferred until the token was checked, is taken in the same round trip.
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
      List<Bucket> buckets = new ArrayList<>(2);
      RateLimitFilter.deferredClient(request, limits).ifPresent(buckets::add);
      buckets.add(new Bucket(tenant.require().id().toString(), limits.tenant()));
      RateLimitFilter.takeOrRefuse(request, limiter, buckets);
    }
  }
}
