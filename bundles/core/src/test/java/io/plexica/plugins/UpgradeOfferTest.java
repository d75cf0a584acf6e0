package io.plexica.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.plexica.plugins.app.PluginCallMetrics;
import io.plexica.plugins.app.PluginInstallations.UpgradeOffer;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.testing.PluginNode;
import io.plexica.testing.TestBundles;
import io.plexica.testing.TestPlatform;
import io.plexica.testing.UsesServices;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What a tenant is told about newer versions of a plugin it installed: the newest it can move to
 * now, and the newest it cannot yet with the reason — a plugin of the tenant that would break, a
 * configuration the new schema refuses.
 */
@UsesServices
class UpgradeOfferTest {
  private final TestPlatform platform = TestPlatform.create();

  @Test
  void theNoticeOffersTheNewestVersionEveryCheckAcceptsAndSaysWhyANewerOneWaits() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String provider = "offer-p-" + suffix;
    String dependent = "offer-d-" + suffix;
    try (PluginNode node = new PluginNode(platform, PluginCallMetrics.NONE)) {
      node.deployment.deploy(TestBundles.plugin(provider, "1.0.0", "", Map.of()));
      node.deployment.deploy(
          TestBundles.plugin(
              dependent,
              "1.0.0",
              ",\"dependencies\":[{\"id\":\"" + provider + "\",\"version\":\"[1,2)\"}]",
              Map.of()));
      TenantRef tenant = platform.activeTenant("offer");
      node.installations.install(tenant, provider, Optional.empty(), "{}");
      node.installations.install(tenant, dependent, Optional.empty(), "{}");
      try {
        assertThat(offer(node, tenant, provider)).isEqualTo(UpgradeOffer.NONE);

        node.deployment.deploy(TestBundles.plugin(provider, "1.1.0", "", Map.of()));
        assertThat(offer(node, tenant, provider))
            .isEqualTo(new UpgradeOffer(Optional.of("1.1.0"), Optional.empty()));

        node.deployment.deploy(
            TestBundles.plugin(
                provider,
                "1.2.0",
                ",\"config\":{\"type\":\"object\",\"required\":[\"label\"],"
                    + "\"properties\":{\"label\":{\"type\":\"string\"}}}",
                Map.of()));
        UpgradeOffer needsLabel = offer(node, tenant, provider);
        assertThat(needsLabel.version()).contains("1.1.0");
        assertThat(needsLabel.blocked().orElseThrow().version()).isEqualTo("1.2.0");
        assertThat(needsLabel.blocked().orElseThrow().reason()).contains("label");

        node.deployment.deploy(TestBundles.plugin(provider, "2.0.0", "", Map.of()));
        UpgradeOffer breaksDependent = offer(node, tenant, provider);
        assertThat(breaksDependent.version()).contains("1.1.0");
        assertThat(breaksDependent.blocked().orElseThrow().version()).isEqualTo("2.0.0");
        assertThat(breaksDependent.blocked().orElseThrow().reason())
            .contains("would break plugin '" + dependent + "'");
      } finally {
        node.installations.uninstall(tenant, dependent, true);
        node.installations.uninstall(tenant, provider, true);
        node.deployment.remove(dependent);
        node.deployment.remove(provider);
      }
    }
  }

  private static UpgradeOffer offer(PluginNode node, TenantRef tenant, String pluginId) {
    return node.installations.upgradeOffer(
        tenant, node.store.installation(tenant.id(), pluginId).orElseThrow());
  }
}
