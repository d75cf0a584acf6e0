package io.plexica.identity.infra;

import io.plexica.identity.app.Realms;
import io.plexica.identity.app.UserService;
import io.plexica.identity.domain.TenantRealm;
import io.plexica.shared.web.WebAppLinks;
import io.plexica.tenancy.app.ProvisioningStep;
import io.plexica.tenancy.app.TenantService;
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
  private WebAppLinks links;

  protected TenantRealmStep() {}

  @Inject
  public TenantRealmStep(
      Realms realms,
      TenantRepository tenants,
      KeycloakSettings settings,
      UserService users,
      WebAppLinks links) {
    this.realms = realms;
    this.tenants = tenants;
    this.settings = settings;
    this.users = users;
    this.links = links;
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
    realms.applyProfile(tenant.slug(), registered.name(), TenantService.localeOf(registered));
    users.sync(tenant);
    if (!settings.devMode()) {
      // The first administrator has no password: the mailed link sets one and leads to the app.
      realms
          .userIdByEmail(tenant.slug(), registered.adminEmail())
          .ifPresent(
              id ->
                  realms.mailAccountSetup(
                      tenant.slug(),
                      id,
                      links.home(tenant.slug()),
                      UserService.SETUP_LINK_VALIDITY));
    }
  }

  @Override
  public void compensate(TenantRef tenant) {
    realms.delete(tenant.slug());
  }
}
