package io.plexica.workspaces.infra;

import io.plexica.tenancy.app.ProvisioningStep;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.workspaces.app.WorkspaceService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Provisioning seeds every tenant with its default workspace. */
@ApplicationScoped
public class DefaultWorkspaceStep implements ProvisioningStep {
  private WorkspaceService workspaces;

  protected DefaultWorkspaceStep() {}

  @Inject
  public DefaultWorkspaceStep(WorkspaceService workspaces) {
    this.workspaces = workspaces;
  }

  @Override
  public String name() {
    return "seed-default-workspace";
  }

  @Override
  public int order() {
    return 300;
  }

  @Override
  public void execute(TenantRef tenant) {
    workspaces.createDefault(tenant);
  }

  @Override
  public void compensate(TenantRef tenant) {
    workspaces.removeDefault(tenant);
  }
}
