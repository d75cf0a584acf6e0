package io.plexica.plugins.infra;

import io.plexica.plugins.app.PluginInstallations;
import io.plexica.tenancy.app.TenantLifecycleListener;
import io.plexica.tenancy.domain.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The installed plugins' tables, made on the cluster a tenant's schema moves to before its rows are
 * copied there (the rows of each plugin's migration history come with the copy); no move starts
 * while a plugin is being installed or upgraded in the tenant, whose tables would miss the copy.
 */
@ApplicationScoped
public class PluginTablesOnMove implements TenantLifecycleListener {
  @Inject PluginInstallations installations;

  @Override
  public void movingTo(TenantRef onTarget) {
    installations.migrateOnto(onTarget);
  }

  @Override
  public Optional<String> busyWith(TenantRef tenant) {
    return installations.underWay(tenant);
  }
}
