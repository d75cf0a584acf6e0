package io.plexica.webapp.infra;

import io.plexica.identity.app.Realms;
import io.plexica.identity.infra.KeycloakSettings;
import io.plexica.shared.web.WebAppLinks;
import io.plexica.tenancy.domain.TenantRepository;
import io.plexica.webapp.app.LoginSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@ApplicationScoped
public class WebAppBeans {

  /** Keycloak for browsers: {@code plexica.keycloak.public-url} when set, else the platform's. */
  @Produces
  @Singleton
  LoginSettings loginSettings(
      KeycloakSettings keycloak,
      TenantRepository tenants,
      @ConfigProperty(name = "plexica.keycloak.public-url") Optional<String> publicUrl) {
    return new LoginSettings(
        publicUrl.filter(u -> !u.isBlank()).orElse(keycloak.url()),
        Realms.PLATFORM_REALM,
        KeycloakSettings.CONSOLE_CLIENT,
        KeycloakSettings.WEB_CLIENT,
        tenants);
  }

  /** Links into the web app for mails: {@code plexica.web.public-url}, else the redirect URIs'. */
  @Produces
  @Singleton
  WebAppLinks webAppLinks(
      KeycloakSettings keycloak,
      @ConfigProperty(name = "plexica.web.public-url") Optional<String> publicUrl) {
    return WebAppLinks.of(publicUrl.orElse(null), keycloak.webRedirectUris());
  }
}
