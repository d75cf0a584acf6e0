package io.plexica.tenancy.infra;

import io.plexica.tenancy.app.ProvisioningStep;
import io.plexica.tenancy.app.TenantSchemas;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.tenancy.domain.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The PostgreSQL steps of provisioning: the tenant's schema, then its tables. */
public final class SchemaSteps {
  private SchemaSteps() {}

  /** Creates {@code tenant_<slug>}; undone by dropping it with everything in it. */
  @ApplicationScoped
  public static class CreateSchema implements ProvisioningStep {
    private TenantSchemas schemas;

    protected CreateSchema() {}

    @Inject
    public CreateSchema(TenantSchemas schemas) {
      this.schemas = schemas;
    }

    @Override
    public String name() {
      return "create-schema";
    }

    @Override
    public int order() {
      return 100;
    }

    @Override
    public void execute(TenantRef tenant) {
      schemas.create(tenant.database());
    }

    @Override
    public void compensate(TenantRef tenant) {
      schemas.drop(tenant.database());
    }
  }

  /**
   * Applies the tenant migrations and records the version reached in the tenant's placement, so
   * that the next start knows the schema is current without asking it. Its undo empties the schema
   * again, so that a retry migrates from scratch even when the schema itself could not be dropped.
   */
  @ApplicationScoped
  public static class MigrateSchema implements ProvisioningStep {
    private TenantSchemas schemas;
    private TenantRepository tenants;

    protected MigrateSchema() {}

    @Inject
    public MigrateSchema(TenantSchemas schemas, TenantRepository tenants) {
      this.schemas = schemas;
      this.tenants = tenants;
    }

    @Override
    public String name() {
      return "migrate-schema";
    }

    @Override
    public int order() {
      return 200;
    }

    @Override
    public void execute(TenantRef tenant) {
      schemas.migrate(tenant.database());
      tenants.recordSchemaVersion(tenant.id(), schemas.tenantVersion());
    }

    @Override
    public void compensate(TenantRef tenant) {
      if (schemas.exists(tenant.database())) {
        schemas.drop(tenant.database());
        schemas.create(tenant.database());
      }
    }
  }
}
