package io.plexica.plugins.app;

import io.plexica.shared.lease.ExpiredWork;
import io.plexica.shared.lease.WorkLeases;
import io.plexica.tenancy.domain.Tenant;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.tenancy.domain.TenantRepository;
import java.util.Optional;
import java.util.UUID;

/** Plugin installations and upgrades that a dead node left half-done, settled by a live node. */
public class InstallationRecovery implements ExpiredWork {
  private final PluginInstallations installations;
  private final TenantRepository tenants;
  private final WorkLeases leases;

  public InstallationRecovery(
      PluginInstallations installations, TenantRepository tenants, WorkLeases leases) {
    this.installations = installations;
    this.tenants = tenants;
    this.leases = leases;
  }

  @Override
  public String kind() {
    return PluginInstallations.INSTALLATION_LEASE;
  }

  @Override
  public void takeOver(WorkLeases.Lease lease) {
    int slash = lease.subject().indexOf('/');
    String pluginId = lease.subject().substring(slash + 1);
    Optional<Tenant> tenant =
        tenants
            .findById(UUID.fromString(lease.subject().substring(0, slash)))
            .filter(t -> !t.isPurged());
    if (tenant.isEmpty()) {
      // A purged tenant's schema and roles are gone with it: nothing is left to settle.
      leases.release(kind(), lease.subject());
      return;
    }
    installations.settleInterrupted(TenantRef.of(tenant.get()), pluginId, lease.detail());
  }
}
