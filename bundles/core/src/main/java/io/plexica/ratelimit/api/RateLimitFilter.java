package io.plexica.ratelimit.api;

import io.plexica.ratelimit.app.RateLimiter;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Every API call counts against its client's bucket before anything else is done for it (no token
 * is verified, no database read, for a client over its limit); calls around a sign-in count against
 * a stricter one too. Over the limit: 429 {@code rate-limited} with {@code Retry-After}.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 500)
public class RateLimitFilter implements ContainerRequestFilter {
  /** Paths (under /api/v1) that come before or around a sign-in: guessing happens there. */
  static final List<String> SIGN_IN_PATHS = List.of("web-config", "workspace-invitations");

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
    if (!signIn || takeOrRefuse(request, limiter, client, limits.signIn())) {
      takeOrRefuse(request, limiter, client, limits.client());
    }
  }

  /** Takes one from the bucket; false, with the request answered 429, when it was empty. */
  static boolean takeOrRefuse(
      ContainerRequestContext request, RateLimiter limiter, String bucket, RateLimit limit) {
    Verdict verdict = limiter.take(bucket, limit);
    if (!verdict.allowed()) {
      request.abortWith(tooMany(limit, verdict.retryAfterSeconds()));
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
