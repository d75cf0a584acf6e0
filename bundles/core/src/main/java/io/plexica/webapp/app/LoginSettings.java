package io.plexica.webapp.app;

import io.plexica.tenancy.domain.TenancyProblems;
import io.plexica.tenancy.domain.Tenant;
import io.plexica.tenancy.domain.TenantRepository;
import io.plexica.tenancy.domain.TenantStatus;
import java.util.Optional;

/**
 * What a browser needs to log in: Keycloak as browsers reach it, the platform realm and the
 * console's client, and for a tenant named by slug, its realm and the web app's client.
 */
public class LoginSettings {
  private final String keycloakUrl;
  private final String platformRealm;
  private final String consoleClient;
  private final String webClient;
  private final TenantRepository tenants;

  public LoginSettings(
      String keycloakUrl,
      String platformRealm,
      String consoleClient,
      String webClient,
      TenantRepository tenants) {
    this.keycloakUrl =
        keycloakUrl.endsWith("/")
            ? keycloakUrl.substring(0, keycloakUrl.length() - 1)
            : keycloakUrl;
    this.platformRealm = platformRealm;
    this.consoleClient = consoleClient;
    this.webClient = webClient;
    this.tenants = tenants;
  }

  /** A tenant's login: its realm (named after its slug) and the web app's client. */
  public record TenantLogin(String slug, String name, String realm, String clientId) {}

  public record Login(
      String keycloakUrl, String platformRealm, String consoleClientId, TenantLogin tenant) {}

  /** The login settings, with the tenant's when one is named; 404 unless it is active. */
  public Login login(Optional<String> tenantSlug) {
    TenantLogin login = null;
    if (tenantSlug.isPresent()) {
      String slug = tenantSlug.get();
      Tenant tenant =
          tenants
              .findBySlug(slug)
              .filter(t -> t.status() == TenantStatus.ACTIVE)
              .orElseThrow(() -> TenancyProblems.notFound(slug));
      login = new TenantLogin(tenant.slug(), tenant.name(), tenant.slug(), webClient);
    }
    return new Login(keycloakUrl, platformRealm, consoleClient, login);
  }
}
