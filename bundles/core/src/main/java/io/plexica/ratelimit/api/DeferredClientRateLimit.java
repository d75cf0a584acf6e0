package io.plexica.ratelimit.api;

import io.plexica.ratelimit.app.RateLimiter;
import io.plexica.ratelimit.app.RateLimiter.Verdict;
import io.plexica.ratelimit.app.RateLimits;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.util.List;

/**
 * Takes the client's bucket of a call whose count {@link RateLimitFilter} deferred until its token
 * was checked, when no tenant's filter took it with the tenant's: calls outside a tenant (the
 * platform's own API) before their resource runs, and calls refused before that (an invalid token,
 * a suspended tenant) when they are answered, so that a client sending bad tokens is limited too.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 160)
public class DeferredClientRateLimit implements ContainerRequestFilter, ContainerResponseFilter {
  @Inject RateLimits limits;
  @Inject RateLimiter limiter;

  @Override
  public void filter(ContainerRequestContext request) {
    RateLimitFilter.deferredClient(request, limits)
        .ifPresent(client -> RateLimitFilter.takeOrRefuse(request, limiter, List.of(client)));
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    RateLimitFilter.deferredClient(request, limits)
        .ifPresent(
            client -> {
              Verdict verdict = limiter.take(List.of(client));
              // Only a refusal is replaced: nothing was done for it, so nothing is lost.
              if (!verdict.allowed() && response.getStatus() >= 400) {
                Response tooMany =
                    RateLimitFilter.tooMany(verdict.refusedBy(), verdict.retryAfterSeconds());
                response.setStatus(tooMany.getStatus());
                response.getHeaders().putSingle("Retry-After", verdict.retryAfterSeconds());
                response.setEntity(tooMany.getEntity(), new Annotation[0], tooMany.getMediaType());
              }
            });
  }
}
