package io.plexica.tenancy.app;

import io.plexica.shared.lease.ExpiredWork;
import io.plexica.shared.lease.WorkLeases;
import java.util.UUID;

/** Provisioning that a dead node left half-done, taken over by a node that lives. */
public class ProvisioningRecovery implements ExpiredWork {
  private final TenantService tenants;

  public ProvisioningRecovery(TenantService tenants) {
    this.tenants = tenants;
  }

  @Override
  public String kind() {
    return TenantService.PROVISIONING_LEASE;
  }

  @Override
  public void takeOver(WorkLeases.Lease lease) {
    tenants.resumeProvisioning(UUID.fromString(lease.subject()));
  }
}
