package io.plexica.tenancy.app;

/** Runs provisioning off the request thread, so that creating a tenant answers at once. */
public interface ProvisioningExecutor {
  void submit(Runnable provisioning);
}
