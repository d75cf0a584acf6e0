package io.plexica.storage.infra;

import io.plexica.storage.app.TenantStorage;
import io.plexica.tenancy.app.ProvisioningStep;
import io.plexica.tenancy.app.TenantLifecycleListener;
import io.plexica.tenancy.domain.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Provisioning gives every tenant its own bucket, undone by deleting it with whatever it holds;
 * purging the tenant deletes it too.
 */
@ApplicationScoped
public class TenantBucketStep implements ProvisioningStep, TenantLifecycleListener {
  private TenantStorage storage;

  protected TenantBucketStep() {}

  @Inject
  public TenantBucketStep(TenantStorage storage) {
    this.storage = storage;
  }

  @Override
  public String name() {
    return "create-bucket";
  }

  @Override
  public int order() {
    return 250;
  }

  @Override
  public void execute(TenantRef tenant) {
    storage.createBucket(tenant.id());
  }

  @Override
  public void compensate(TenantRef tenant) {
    storage.deleteBucket(tenant.id());
  }

  @Override
  public void purged(TenantRef tenant) {
    storage.deleteBucket(tenant.id());
  }
}
