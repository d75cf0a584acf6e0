package io.plexica.identity.infra;

import io.plexica.identity.app.Realms;
import io.plexica.identity.app.UserService;
import io.plexica.identity.domain.TenantRealm;
import io.plexica.shared.web.WebAppLinks;
import io.plexica.tenancy.app.ProvisioningStep;
import io.plexica.tenancy.app.TenantService;
import io.plexica.tenancy.domain.IdentityHome;
import io.plexica.tenancy.domain.Tenant;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.tenancy.domain.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Provisioning creates the tenant's identity home with its first administrator, and mirrors that
 * user into the tenant's schema so that it is listed before its first login. A realm of its own is
 * undone by deleting the realm; an organization in a shared realm (made with the realm when it is
 * the first) by deleting the organization with the accounts that were in it alone, never the realm.
 * The mirror goes with the schema.
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
    if (tenant.home().isSharedRealm()) {
      joinSharedRealm(tenant, registered);
      return;
    }
    realms.createTenantRealm(
        new TenantRealm(
            tenant.realm(),
            tenant.id(),
            registered.name(),
            settings.webRedirectUris(),
            registered.adminEmail(),
            settings.devMode() ? settings.devPassword() : null));
    realms.applyProfile(tenant.realm(), registered.name(), TenantService.localeOf(registered));
    users.sync(tenant);
    if (!settings.devMode()) {
      // The first administrator has no password: the mailed link sets one and leads to the app.
      realms
          .userIdByEmail(tenant.realm(), registered.adminEmail())
          .ifPresent(
              id ->
                  realms.mailAccountSetup(
                      tenant.realm(),
                      id,
                      links.home(tenant.slug()),
                      UserService.SETUP_LINK_VALIDITY));
    }
  }

  private void joinSharedRealm(TenantRef tenant, Tenant registered) {
    realms.ensureSharedRealm(tenant.realm());
    String organization =
        realms.createOrganization(tenant.realm(), tenant.slug(), registered.name(), tenant.id());
    tenants.update(tenant.id(), t -> t.settleOrganization(organization));
    TenantRef settled =
        new TenantRef(
            tenant.id(),
            tenant.slug(),
            tenant.database(),
            new IdentityHome(IdentityHome.Kind.ORGANIZATION, tenant.realm(), organization));
    users.admitAdministrator(
        settled,
        registered.adminEmail(),
        registered.name(),
        settings.devMode() ? settings.devPassword() : null,
        links.home(tenant.slug()));
  }

  @Override
  public void compensate(TenantRef tenant) {
    if (!tenant.home().isSharedRealm()) {
      realms.delete(tenant.realm());
      return;
    }
    // By its tenant attribute: a node that died between making the organization and recording it
    // left no id in the placement.
    realms
        .organizationOfTenant(tenant.realm(), tenant.id())
        .ifPresent(organization -> realms.deleteOrganization(tenant.realm(), organization));
    tenants.update(tenant.id(), t -> t.settleOrganization(null));
  }
}
