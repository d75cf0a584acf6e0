package io.plexica.webapp.app;

import io.plexica.shared.problem.ProblemException;
import io.plexica.tenancy.app.TenantService;
import io.plexica.tenancy.domain.TenancyProblems;
import io.plexica.tenancy.domain.Tenant;
import io.plexica.tenancy.domain.TenantRepository;
import io.plexica.tenancy.domain.TenantStatus;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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

  /**
   * A tenant's login: the realm that holds its people (from its placement), the web app's client,
   * and the tenant's default language (null when it has none), which the web app speaks unless the
   * person chose.
   */
  public record TenantLogin(
      String slug,
      String name,
      String realm,
      String clientId,
      @Schema(nullable = true) String locale,
      @Schema(
              nullable = true,
              description =
                  "For a tenant in a realm shared with others, the organization to sign in to:"
                      + " ask Keycloak for scope organization:<this>")
          String organization) {}

  public record Login(
      String keycloakUrl,
      String platformRealm,
      String consoleClientId,
      @Schema(nullable = true) TenantLogin tenant) {}

  /**
   * The login settings, with the tenant's when one is named: by its slug, or by its name when
   * exactly one organization has it (people type what they know). 404 when none is known; 403
   * {@code tenant-unavailable} when it exists but is not active, so that a suspended organization
   * is not mistaken for a missing one.
   */
  public Login login(Optional<String> tenantSlug) {
    TenantLogin login = null;
    if (tenantSlug.isPresent()) {
      String typed = tenantSlug.get();
      Tenant tenant =
          tenants
              .findBySlug(typed.toLowerCase(Locale.ROOT))
              .or(() -> onlyOne(tenants.findByName(typed)))
              .orElseThrow(
                  () ->
                      new ProblemException(
                          TenancyProblems.TENANT_NOT_FOUND,
                          "No organization is known as \u201c"
                              + typed
                              + "\u201d. Use the short name in its address (e.g. acme) or its"
                              + " full name."));
      if (tenant.status() != TenantStatus.ACTIVE) {
        throw TenancyProblems.unavailable(tenant);
      }
      login =
          new TenantLogin(
              tenant.slug(),
              tenant.name(),
              tenant.identityHome().realm(),
              webClient,
              TenantService.localeOf(tenant).orElse(null),
              tenant.identityHome().isSharedRealm() ? tenant.slug() : null);
    }
    return new Login(keycloakUrl, platformRealm, consoleClient, login);
  }

  private static Optional<Tenant> onlyOne(List<Tenant> found) {
    return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
  }
}
