package io.plexica.identity.api;

import io.plexica.identity.app.TokenVerifier;
import io.plexica.identity.domain.IdentityProblems;
import io.plexica.identity.domain.VerifiedToken;
import io.plexica.shared.problem.ProblemException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;

/**
 * Verifies the bearer token of every API request that carries one. A request without a token stays
 * anonymous (the endpoint decides whether that is enough); a bad token is refused at once with 401.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class BearerAuthentication implements ContainerRequestFilter {
  private static final String BEARER = "Bearer ";

  @Inject TokenVerifier verifier;
  @Inject CurrentIdentity identity;

  /** Whether an Authorization header carries a bearer token (the scheme is case-insensitive). */
  public static boolean isBearer(String authorization) {
    return authorization != null
        && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null || header.isBlank()) {
      return;
    }
    if (!isBearer(header)) {
      throw new ProblemException(
          IdentityProblems.INVALID_TOKEN, "Only bearer tokens are accepted: Bearer <token>.");
    }
    VerifiedToken token = verifier.verify(header.substring(BEARER.length()).strip());
    identity.set(token);
    boolean secure = request.getSecurityContext().isSecure();
    TokenPrincipal principal = new TokenPrincipal(token);
    request.setSecurityContext(
        new SecurityContext() {
          @Override
          public Principal getUserPrincipal() {
            return principal;
          }

          @Override
          public boolean isUserInRole(String role) {
            return token.roles().contains(role);
          }

          @Override
          public boolean isSecure() {
            return secure;
          }

          @Override
          public String getAuthenticationScheme() {
            return "Bearer";
          }
        });
  }
}
