package io.plexica.marketplace.infra;

import io.plexica.marketplace.app.Marketplace;
import io.plexica.marketplace.app.Reviews;
import io.plexica.marketplace.domain.MarketplaceCatalog;
import io.plexica.plugins.app.PluginDeployment;
import io.plexica.plugins.app.PluginInstallations;
import io.plexica.plugins.domain.PluginStore;
import io.plexica.shared.persistence.Database;
import io.plexica.tenancy.domain.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The marketplace's parts, on the main cluster's {@code plexica_core}. */
@ApplicationScoped
public class MarketplaceBeans {
  @Produces
  @Singleton
  MarketplaceCatalog catalog(Database database) {
    return new SqlMarketplaceCatalog(database.dataSource());
  }

  @Produces
  @Singleton
  Reviews reviews(Database database, PluginStore plugins, TenantRepository tenants, Clock clock) {
    return new Reviews(new SqlReviewStore(database.dataSource()), plugins, tenants, clock);
  }

  @Produces
  @Singleton
  Marketplace marketplace(
      MarketplaceCatalog catalog, PluginDeployment deployment, PluginInstallations installations) {
    return new Marketplace(catalog, deployment, installations);
  }
}
