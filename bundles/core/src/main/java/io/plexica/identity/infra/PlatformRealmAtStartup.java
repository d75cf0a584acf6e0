package io.plexica.identity.infra;

import io.plexica.identity.app.Realms;
import io.plexica.shared.lease.WorkLeases;
import io.plexica.shared.lifecycle.StartupRetry;
import io.plexica.shared.persistence.Database;
import io.plexica.tenancy.app.TenantService;
import io.plexica.tenancy.domain.IdentityHome;
import io.plexica.tenancy.domain.Tenant;
import io.plexica.tenancy.domain.TenantRepository;
import io.plexica.tenancy.domain.TenantStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Creates the platform realm on first start, in the background and retrying while Keycloak is not
 * reachable yet; readiness reports DOWN until it exists. Then makes sure the realm of every live
 * tenant binds its tokens to the tenant's id (realms made before that rule lack the claim, and
 * their users could not log in until it is there), and that every realm has the current mail
 * settings (a changed SMTP server reaches realms made before), touching only the realms whose
 * profile changed.
 */
@ApplicationScoped
public class PlatformRealmAtStartup {
  private static final long RETRY_MILLIS = 3000;

  private static final Logger LOG = Logger.getLogger(PlatformRealmAtStartup.class.getName());

  /** The lease of the replica that brings the realms up to date at its start. */
  static final String PROFILE_LEASE = "realm-profiles";

  @Inject Realms realms;
  @Inject TenantRepository tenants;
  @Inject Database database;
  @Inject WorkLeases leases;

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

  /**
   * Brings the tenants' realms up to date, only those whose profile digest changed since the
   * platform last wrote it (a new mail server, theme or binding rule reaches every realm; an
   * unchanged platform touches none), and on one replica at a time: the others see its lease and
   * leave the realms to it.
   */
  private void bindTenantRealms() {
    if (!leases.take(PROFILE_LEASE, "all", "")) {
      LOG.info("Another replica brings the tenants' realms up to date");
      return;
    }
    try {
      Map<UUID, String> applied = appliedDigests();
      List<Tenant> live = tenants.withStatus(List.of(TenantStatus.ACTIVE, TenantStatus.SUSPENDED));
      int updated = 0;
      for (Tenant tenant : live) {
        if (tenant.identityHome().isSharedRealm()) {
          // Shared realms bind tokens through organizations and show the platform's name.
          continue;
        }
        Optional<String> locale = TenantService.localeOf(tenant);
        String realm = tenant.identityHome().realm();
        Optional<String> digest = realms.profileDigest(realm, tenant.name(), locale);
        if (digest.isPresent() && digest.get().equals(applied.get(tenant.id()))) {
          continue;
        }
        if (bindAndApply(tenant, realm, locale)) {
          digest.ifPresent(d -> recordDigest(tenant.id(), d));
          updated++;
        }
      }
      // Shared realms keep the platform's name; they follow its mail settings like the others.
      live.stream()
          .map(Tenant::identityHome)
          .filter(IdentityHome::isSharedRealm)
          .map(IdentityHome::realm)
          .distinct()
          .forEach(realm -> applySharedProfile(realm));
      LOG.info("Realms of tenants brought up to date: " + updated + " of " + live.size());
    } finally {
      leases.release(PROFILE_LEASE, "all");
    }
  }

  private void applySharedProfile(String realm) {
    try {
      realms.applyProfile(realm, Realms.PLATFORM_DISPLAY_NAME, Optional.empty());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not give shared realm " + realm + " the mail settings", e);
    }
  }

  private boolean bindAndApply(Tenant tenant, String realm, Optional<String> locale) {
    try {
      realms.bindToTenant(realm, tenant.id());
      // One update per realm: its name, language and the current mail settings.
      realms.applyProfile(realm, tenant.name(), locale);
      return true;
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Could not bind the tokens of realm "
              + realm
              + " to its tenant or give it the mail settings; next start",
          e);
      return false;
    }
  }

  private Map<UUID, String> appliedDigests() {
    List<?> rows =
        database.readCore(
            em ->
                em.createNativeQuery("SELECT tenant_id, digest FROM plexica_core.realm_profile")
                    .getResultList());
    Map<UUID, String> digests = new HashMap<>();
    for (Object row : rows) {
      Object[] columns = (Object[]) row;
      digests.put(UUID.fromString(String.valueOf(columns[0])), String.valueOf(columns[1]));
    }
    return digests;
  }

  private void recordDigest(UUID tenantId, String digest) {
    database.inCoreDo(
        em ->
            em.createNativeQuery(
                    "INSERT INTO plexica_core.realm_profile (tenant_id, digest, applied_at)"
                        + " VALUES (?1, ?2, now()) ON CONFLICT (tenant_id)"
                        + " DO UPDATE SET digest = EXCLUDED.digest, applied_at = now()")
                .setParameter(1, tenantId)
                .setParameter(2, digest)
                .executeUpdate());
  }

  public boolean isReady() {
    return ready;
  }

  public String lastError() {
    return lastError;
  }
}
