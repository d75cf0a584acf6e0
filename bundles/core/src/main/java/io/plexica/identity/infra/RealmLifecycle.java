package io.plexica.identity.infra;

import io.plexica.identity.app.Realms;
import io.plexica.identity.app.TokenVerifier;
import io.plexica.tenancy.app.TenantLifecycleListener;
import io.plexica.tenancy.domain.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * A suspended tenant's realm is disabled (no logins, no new tokens); a renamed tenant or a new
 * default language shows on its login pages; purge deletes it and forgets its keys and verified
 * tokens on this node (other nodes refuse them by the tenant id they carry).
 */
@ApplicationScoped
public class RealmLifecycle implements TenantLifecycleListener {
  private Realms realms;
  private TokenVerifier verifier;

  protected RealmLifecycle() {}

  @Inject
  public RealmLifecycle(Realms realms, TokenVerifier verifier) {
    this.realms = realms;
    this.verifier = verifier;
  }

  /**
   * A realm of the tenant's own stops issuing tokens; a shared realm goes on for the other tenants,
   * and the platform refuses the suspended tenant's tokens itself.
   */
  @Override
  public void suspended(TenantRef tenant) {
    if (!tenant.home().isSharedRealm()) {
      realms.setEnabled(tenant.realm(), false);
    }
  }

  @Override
  public void activated(TenantRef tenant) {
    if (!tenant.home().isSharedRealm()) {
      realms.setEnabled(tenant.realm(), true);
    }
  }

  /** A shared realm's pages are the platform's, not one tenant's. */
  @Override
  public void profileChanged(TenantRef tenant, String name, Optional<String> locale) {
    if (!tenant.home().isSharedRealm()) {
      realms.applyProfile(tenant.realm(), name, locale);
    }
  }

  /** A shared realm loses the tenant's organization and the accounts that were in it alone. */
  @Override
  public void purged(TenantRef tenant) {
    if (tenant.home().isSharedRealm()) {
      tenant
          .home()
          .sharedRealmOrganization()
          .ifPresent(organization -> realms.deleteOrganization(tenant.realm(), organization));
      return;
    }
    realms.delete(tenant.realm());
    verifier.forgetRealm(tenant.realm());
  }
}
