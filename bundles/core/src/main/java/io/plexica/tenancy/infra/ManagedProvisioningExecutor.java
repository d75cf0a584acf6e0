package io.plexica.tenancy.infra;

import io.plexica.tenancy.app.ProvisioningExecutor;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;

/** Provisioning on the server's managed executor, so it runs with the application's context. */
@ApplicationScoped
public class ManagedProvisioningExecutor implements ProvisioningExecutor {
  @Resource private ManagedExecutorService executor;

  @Override
  public void submit(Runnable provisioning) {
    executor.submit(provisioning);
  }
}
