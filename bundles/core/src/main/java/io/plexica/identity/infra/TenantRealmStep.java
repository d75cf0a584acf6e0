package io.plexica.identity.infra;

import io.plexica.identity.app.Realms;
import io.plexica.identity.app.UserService;
import io.plexica.identity.domain.TenantRealm;
import io.plexica.tenancy.app.ProvisioningStep;
import io.plexica.tenancy.domain.Tenant;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.tenancy.domain.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Provisioning creates the tenant's realm with its first administrator, and mirrors that user into
 * the tenant's schema so that it is listed before its first login; undone by deleting the realm
 * (the mirror goes with the schema).
 */
@ApplicationScoped
public class TenantRealmStep implements ProvisioningStep {
  private Realms realms;
  private TenantRepository tenants;
  private KeycloakSettings settings;
  private UserService users;

  protected TenantRealmStep() {}

  @Inject
  public TenantRealmStep(
      Realms realms, TenantRepository tenants, KeycloakSettings settings, UserService users) {
    this.realms = realms;
    this.tenants = tenants;
    this.settings = settings;
    this.users = users;
  }

  @Override
  public String name() {
    return "create-realm";
  }

  @Override
  public int order() {
    return 400;
  }

  @Override
  public void execute(TenantRef tenant) {
    Tenant registered =
        tenants
            .findById(tenant.id())
            .orElseThrow(() -> new IllegalStateException("Tenant " + tenant.slug() + " vanished"));
    realms.createTenantRealm(
        new TenantRealm(
            tenant.slug(),
            tenant.id(),
            registered.name(),
            settings.webRedirectUris(),
            registered.adminEmail(),
            settings.devMode() ? settings.devPassword() : null));
    users.sync(tenant);
  }

  @Override
  public void compensate(TenantRef tenant) {
    realms.delete(tenant.slug());
  }
}
