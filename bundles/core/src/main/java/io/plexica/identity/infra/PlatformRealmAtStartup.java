package io.plexica.identity.infra;

import io.plexica.identity.app.Realms;
import io.plexica.shared.lifecycle.StartupRetry;
import io.plexica.tenancy.app.TenantService;
import io.plexica.tenancy.domain.Tenant;
import io.plexica.tenancy.domain.TenantRepository;
import io.plexica.tenancy.domain.TenantStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Creates the platform realm on first start, in the background and retrying while Keycloak is not
 * reachable yet; readiness reports DOWN until it exists. Then makes sure the realm of every live
 * tenant binds its tokens to the tenant's id (realms made before that rule lack the claim, and
 * their users could not log in until it is there), and that every realm has the current mail
 * settings (a changed SMTP server reaches realms made before).
 */
@ApplicationScoped
public class PlatformRealmAtStartup {
  private static final long RETRY_MILLIS = 3000;

  private static final Logger LOG = Logger.getLogger(PlatformRealmAtStartup.class.getName());

  @Inject Realms realms;
  @Inject TenantRepository tenants;

  @Resource private ManagedExecutorService executor;

  private volatile boolean ready;
  private volatile String lastError;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    executor.submit(this::ensureUntilDone);
  }

  private void ensureUntilDone() {
    StartupRetry.untilDone(
        "Creating the platform realm",
        () -> {
          realms.ensurePlatformRealm();
          // Its name, theme, languages and the current mail settings, in one update.
          realms.applyProfile(
              Realms.PLATFORM_REALM, Realms.PLATFORM_DISPLAY_NAME, Optional.empty());
          ready = true;
          lastError = null;
        },
        error -> lastError = error,
        RETRY_MILLIS);
    bindTenantRealms();
  }

  private void bindTenantRealms() {
    for (Tenant tenant : tenants.withStatus(List.of(TenantStatus.ACTIVE, TenantStatus.SUSPENDED))) {
      try {
        realms.bindToTenant(tenant.slug(), tenant.id());
        // One update per realm: its name, language and the current mail settings.
        realms.applyProfile(tenant.slug(), tenant.name(), TenantService.localeOf(tenant));
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING,
            "Could not bind the tokens of realm "
                + tenant.slug()
                + " to its tenant or give it the mail settings; next start",
            e);
      }
    }
  }

  public boolean isReady() {
    return ready;
  }

  public String lastError() {
    return lastError;
  }
}
