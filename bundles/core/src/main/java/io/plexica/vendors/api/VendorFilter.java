package io.plexica.vendors.api;

import io.plexica.identity.api.CurrentIdentity;
import io.plexica.identity.app.Realms;
import io.plexica.identity.domain.IdentityProblems;
import io.plexica.identity.domain.VerifiedToken;
import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.security.VendorOnly;
import io.plexica.vendors.app.VendorAccounts;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Lets only vendors' accounts through to {@link VendorOnly} endpoints, each acting for its own
 * vendor: the platform realm's {@code plugin-vendor} role and an account recorded as a vendor's.
 */
@Provider
@VendorOnly
@Priority(Priorities.AUTHORIZATION)
public class VendorFilter implements ContainerRequestFilter {
  @Inject CurrentIdentity identity;
  @Inject VendorAccounts vendors;
  @Inject CurrentVendor current;

  @Override
  public void filter(ContainerRequestContext request) {
    VerifiedToken token = identity.require();
    if (!token.realm().equals(Realms.PLATFORM_REALM)
        || !token.roles().contains(VendorAccounts.VENDOR_ROLE)) {
      throw forbidden();
    }
    current.set(vendors.ofUser(token.subject()).orElseThrow(VendorFilter::forbidden));
  }

  private static ProblemException forbidden() {
    return new ProblemException(
        IdentityProblems.FORBIDDEN,
        "Only plugin vendors publish through /api/v1/vendor; this token is not a vendor's.");
  }
}
