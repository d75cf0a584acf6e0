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

  @Override
  public void suspended(TenantRef tenant) {
    realms.setEnabled(tenant.slug(), false);
  }

  @Override
  public void activated(TenantRef tenant) {
    realms.setEnabled(tenant.slug(), true);
  }

  @Override
  public void profileChanged(TenantRef tenant, String name, Optional<String> locale) {
    realms.applyProfile(tenant.slug(), name, locale);
  }

  @Override
  public void purged(TenantRef tenant) {
    realms.delete(tenant.slug());
    verifier.forgetRealm(tenant.slug());
  }
}
