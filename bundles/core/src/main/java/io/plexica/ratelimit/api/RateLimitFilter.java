package io.plexica.ratelimit.api;

import io.plexica.identity.api.BearerAuthentication;
import io.plexica.ratelimit.app.RateLimiter;
import io.plexica.ratelimit.app.RateLimiter.Bucket;
import io.plexica.ratelimit.app.RateLimiter.Verdict;
import io.plexica.ratelimit.app.RateLimits;
import io.plexica.ratelimit.domain.RateLimit;
import io.plexica.ratelimit.domain.RateLimitProblems;
import io.plexica.shared.web.ProblemResponses;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Optional;

/**
 * Every API call counts against its client's bucket before any data is read for it; calls around a
 * sign-in count against a stricter one too. Over the limit: 429 {@code rate-limited} with {@code
 * Retry-After}.
 *
 * <p>A call with a bearer token is counted once its token is checked ({@link
 * DeferredClientRateLimit}): inside a tenant, its client's and its tenant's buckets are then taken
 * in one Redis round trip ({@link TenantRateLimitFilter}) instead of two. Calls without one are
 * counted here, before anything else is done for them.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 500)
public class RateLimitFilter implements ContainerRequestFilter {
  /** Paths (under /api/v1) that come before or around a sign-in: guessing happens there. */
  static final List<String> SIGN_IN_PATHS = List.of("web-config", "workspace-invitations");

  /** The request property holding the client's bucket while its count waits for the token. */
  public static final String DEFERRED_CLIENT = "io.plexica.ratelimit.deferred-client";

  @Inject RateLimits limits;
  @Inject RateLimiter limiter;
  @Context HttpServletRequest http;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!limits.enabled()) {
      return;
    }
    String client = limits.addresses().of(http.getRemoteAddr(), http.getHeader("X-Forwarded-For"));
    String path = request.getUriInfo().getPath().replaceFirst("^/", "");
    boolean signIn =
        SIGN_IN_PATHS.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
    if (signIn) {
      takeOrRefuse(
          request,
          limiter,
          List.of(new Bucket(client, limits.signIn()), new Bucket(client, limits.client())));
    } else if (BearerAuthentication.isBearer(request.getHeaderString(HttpHeaders.AUTHORIZATION))) {
      request.setProperty(DEFERRED_CLIENT, client);
    } else {
      takeOrRefuse(request, limiter, List.of(new Bucket(client, limits.client())));
    }
  }

  /**
   * The client's bucket if its count was deferred and not yet taken; the request no longer holds
   * it, so that it is taken once.
   */
  static Optional<Bucket> deferredClient(ContainerRequestContext request, RateLimits limits) {
    Object client = request.getProperty(DEFERRED_CLIENT);
    if (client == null) {
      return Optional.empty();
    }
    request.removeProperty(DEFERRED_CLIENT);
    return Optional.of(new Bucket((String) client, limits.client()));
  }

  /** Takes one from each bucket; false, with the request answered 429, when one was empty. */
  static boolean takeOrRefuse(
      ContainerRequestContext request, RateLimiter limiter, List<Bucket> buckets) {
    Verdict verdict = limiter.take(buckets);
    if (!verdict.allowed()) {
      request.abortWith(tooMany(verdict.refusedBy(), verdict.retryAfterSeconds()));
    }
    return verdict.allowed();
  }

  static Response tooMany(RateLimit limit, long retryAfterSeconds) {
    Response problem =
        ProblemResponses.of(
            RateLimitProblems.RATE_LIMITED,
            "Over the "
                + limit.name()
                + " limit of "
                + limit.perSecond()
                + " requests a second; try again in "
                + retryAfterSeconds
                + (retryAfterSeconds == 1 ? " second." : " seconds."),
            null,
            null,
            null);
    return Response.fromResponse(problem).header("Retry-After", retryAfterSeconds).build();
  }
}
