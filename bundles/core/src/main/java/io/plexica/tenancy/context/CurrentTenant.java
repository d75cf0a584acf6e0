package io.plexica.tenancy.context;

import io.plexica.tenancy.domain.TenantRef;
import jakarta.enterprise.context.RequestScoped;

/**
 * The tenant the current request acts for. It lives in the request scope, so it is gone when the
 * request ends: no thread-local can leak it into the next request served by the same thread.
 */
@RequestScoped
public class CurrentTenant {
  private TenantRef tenant;

  public void set(TenantRef tenant) {
    if (this.tenant != null && !this.tenant.equals(tenant)) {
      throw new IllegalStateException("The tenant of a request cannot change");
    }
    this.tenant = tenant;
  }

  /** The tenant, which the tenant filter guarantees for every {@link TenantScoped} resource. */
  public TenantRef require() {
    if (tenant == null) {
      throw new IllegalStateException("No tenant was resolved for this request");
    }
    return tenant;
  }
}
