package io.plexica.marketplace.infra;

import io.plexica.marketplace.app.Marketplace;
import io.plexica.marketplace.domain.MarketplaceCatalog;
import io.plexica.plugins.app.PluginDeployment;
import io.plexica.plugins.app.PluginInstallations;
import io.plexica.shared.persistence.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

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
  Marketplace marketplace(
      MarketplaceCatalog catalog, PluginDeployment deployment, PluginInstallations installations) {
    return new Marketplace(catalog, deployment, installations);
  }
}
