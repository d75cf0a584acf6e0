package io.plexica.identity.api;

import io.plexica.identity.app.PermissionEngine;
import io.plexica.identity.app.Realms;
import io.plexica.identity.domain.Access;
import io.plexica.identity.domain.IdentityProblems;
import io.plexica.identity.domain.VerifiedToken;
import io.plexica.shared.problem.ProblemException;
import io.plexica.tenancy.app.TenantService;
import io.plexica.tenancy.context.CurrentTenant;
import io.plexica.tenancy.context.TenantScoped;
import io.plexica.tenancy.domain.TenancyProblems;
import io.plexica.tenancy.domain.TenantRef;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.UUID;

/**
 * The tenant of a {@link TenantScoped} request is the realm that issued its token: a token of
 * tenant A never reaches tenant B, whatever {@code X-Tenant-ID} says, which may only agree. The
 * tenant must be active now, so suspending a tenant stops its tokens on their next request, and the
 * user must be enabled in it, so disabling a user does the same. The caller's access (roles and
 * permissions) is resolved here once per request.
 */
@Provider
@TenantScoped
@Priority(Priorities.AUTHORIZATION + 100)
public class TenantContextFilter implements ContainerRequestFilter {
  @Inject TenantService tenants;
  @Inject CurrentIdentity identity;
  @Inject CurrentTenant current;
  @Inject PermissionEngine engine;

  @Override
  public void filter(ContainerRequestContext request) {
    VerifiedToken token = identity.require();
    if (token.realm().equals(Realms.PLATFORM_REALM)) {
      throw new ProblemException(
          IdentityProblems.FORBIDDEN,
          "Platform administrators manage tenants through /api/v1/tenants, not inside them.");
    }
    TenantRef tenant = tenantOf(token, tenants);
    String named = request.getHeaderString(TenantScoped.HEADER);
    if (named != null
        && !named.isBlank()
        && !named.strip().equals(tenant.slug())
        && !named.strip().equals(tenant.id().toString())) {
      throw new ProblemException(
          IdentityProblems.TOKEN_TENANT_MISMATCH,
          "The token was issued for tenant '"
              + tenant.slug()
              + "', not for '"
              + named.strip()
              + "'.");
    }
    identity.grant(accessOf(tenant, token, engine));
    current.set(tenant);
  }

  /** The caller's access in its tenant; 401 when its account is disabled there. */
  static Access accessOf(TenantRef tenant, VerifiedToken token, PermissionEngine engine) {
    Access access = engine.accessOf(tenant, token);
    if (!access.enabled()) {
      throw new ProblemException(
          IdentityProblems.ACCOUNT_DISABLED,
          "The account " + token.username() + " is disabled in tenant '" + tenant.slug() + "'.");
    }
    return access;
  }

  /**
   * The active tenant whose realm issued the token, and whose id the token carries: a realm name is
   * reused when a purged tenant's slug is taken again, the id never is. 401 when there is none or
   * it is not active.
   */
  static TenantRef tenantOf(VerifiedToken token, TenantService tenants) {
    UUID tenantId =
        token
            .tenantId()
            .orElseThrow(
                () ->
                    new ProblemException(
                        IdentityProblems.INVALID_TOKEN,
                        "The token names no tenant; log in again to get a current one."));
    TenantRef tenant;
    try {
      tenant = tenants.resolveActive(token.realm(), tenantId);
    } catch (ProblemException e) {
      if (e.type().equals(TenancyProblems.TENANT_UNAVAILABLE)) {
        throw new ProblemException(IdentityProblems.TENANT_SUSPENDED, e.getMessage(), e);
      }
      throw new ProblemException(
          IdentityProblems.INVALID_TOKEN, "The token's realm belongs to no tenant.", e);
    }
    requireOrganization(tenant, token);
    return tenant;
  }

  /**
   * In a realm shared by several tenants, a person's token is the tenant's only when it speaks for
   * exactly the tenant's organization, this incarnation of it (an organization deleted and made
   * again under the same alias has another id). A service account's token is bound by its client,
   * which the platform made for one tenant.
   */
  static void requireOrganization(TenantRef tenant, VerifiedToken token) {
    if (!tenant.home().isSharedRealm() || token.isServiceAccount()) {
      return;
    }
    List<VerifiedToken.Organization> organizations = token.organizations();
    boolean bound =
        organizations.size() == 1
            && tenant
                .home()
                .sharedRealmOrganization()
                .filter(id -> id.equals(organizations.get(0).id()))
                .isPresent();
    if (!bound) {
      throw new ProblemException(
          IdentityProblems.INVALID_TOKEN,
          "The token does not speak for organization '"
              + tenant.slug()
              + "' alone; sign in to it again.");
    }
  }
}
