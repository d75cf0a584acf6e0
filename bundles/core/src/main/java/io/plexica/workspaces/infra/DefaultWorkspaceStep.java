package io.plexica.workspaces.infra;

import io.plexica.identity.domain.IdentityStore;
import io.plexica.identity.domain.RoleName;
import io.plexica.identity.domain.TenantUser;
import io.plexica.tenancy.app.ProvisioningStep;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.workspaces.app.WorkspaceService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Provisioning seeds every tenant with its default workspace, administered by the tenant's first
 * administrator: it runs after the realm step, which mirrors that user into the tenant's schema.
 */
@ApplicationScoped
public class DefaultWorkspaceStep implements ProvisioningStep {
  private WorkspaceService workspaces;
  private IdentityStore identity;

  protected DefaultWorkspaceStep() {}

  @Inject
  public DefaultWorkspaceStep(WorkspaceService workspaces, IdentityStore identity) {
    this.workspaces = workspaces;
    this.identity = identity;
  }

  @Override
  public String name() {
    return "seed-default-workspace";
  }

  @Override
  public int order() {
    return 500;
  }

  @Override
  public void execute(TenantRef tenant) {
    workspaces.createDefault(
        tenant,
        identity.read(
            tenant, tx -> tx.usersWithRole(RoleName.ADMIN).stream().map(TenantUser::id).toList()));
  }

  @Override
  public void compensate(TenantRef tenant) {
    workspaces.removeDefault(tenant);
  }
}
