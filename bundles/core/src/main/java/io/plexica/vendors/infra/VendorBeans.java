package io.plexica.vendors.infra;

import io.plexica.identity.app.Realms;
import io.plexica.plugins.app.PluginDeployment;
import io.plexica.shared.mail.Mailer;
import io.plexica.shared.persistence.Database;
import io.plexica.shared.web.WebAppLinks;
import io.plexica.vendors.app.Publishing;
import io.plexica.vendors.app.VendorAccounts;
import io.plexica.vendors.domain.VendorStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Vendors and publishing, on the main cluster's {@code plexica_core}. */
@ApplicationScoped
public class VendorBeans {
  @Produces
  @Singleton
  VendorStore store(Database database) {
    return new SqlVendorStore(database.dataSource());
  }

  @Produces
  @Singleton
  VendorAccounts accounts(
      VendorStore store,
      Realms realms,
      PluginDeployment deployment,
      WebAppLinks links,
      Clock clock) {
    return new VendorAccounts(store, realms, deployment, links.vendorConsole(), clock);
  }

  @Produces
  @Singleton
  Publishing publishing(
      VendorStore store, PluginDeployment deployment, Mailer mailer, Clock clock) {
    return new Publishing(store, deployment, mailer, clock);
  }
}
