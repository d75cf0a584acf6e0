package io.plexica.plugins.app;

import io.plexica.plugins.app.PluginRuntime.ServiceOffer;
import io.plexica.plugins.domain.PluginInstallation;
import io.plexica.tenancy.domain.TenantRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/**
 * Which plugin services a tenant has, and who may call them: each enabled plugin's services at the
 * version the tenant installed, and the tenant's plugins that declare it and import its package,
 * with the range they import and whether the offered version is in it.
 */
public class PluginServiceDirectory {
  private final PluginInstallations installations;
  private final PluginDeployment deployment;
  private final PluginRuntime runtime;

  public PluginServiceDirectory(
      PluginInstallations installations, PluginDeployment deployment, PluginRuntime runtime) {
    this.installations = installations;
    this.deployment = deployment;
    this.runtime = runtime;
  }

  /** A service and its callers in one tenant. */
  public record Entry(
      String pluginId,
      String pluginVersion,
      String service,
      String apiPackage,
      String apiVersion,
      Map<String, String> operations,
      List<Consumer> consumers) {}

  /** A plugin of the tenant that may call a service, with the range of the package it imports. */
  public record Consumer(
      String pluginId, String pluginVersion, boolean enabled, String imports, boolean compatible) {}

  public List<Entry> forTenant(TenantRef tenant) {
    List<PluginInstallation> installed = installations.installed(tenant);
    List<Entry> entries = new ArrayList<>();
    for (PluginInstallation provider : installed) {
      if (!provider.enabled()) {
        continue;
      }
      deployment.ensureRunning(provider.pluginId(), provider.pluginVersion());
      for (ServiceOffer offer : runtime.services(provider.pluginId(), provider.pluginVersion())) {
        entries.add(
            new Entry(
                provider.pluginId(),
                provider.pluginVersion(),
                offer.service(),
                offer.apiPackage(),
                offer.apiVersion(),
                offer.operations(),
                consumers(installed, provider.pluginId(), offer)));
      }
    }
    return entries;
  }

  private List<Consumer> consumers(
      List<PluginInstallation> installed, String providerId, ServiceOffer offer) {
    List<Consumer> consumers = new ArrayList<>();
    for (PluginInstallation other : installed) {
      boolean declares =
          deployment.manifest(other.pluginId(), other.pluginVersion()).dependsOn(providerId);
      VersionRange range =
          deployment
              .packages(other.pluginId(), other.pluginVersion())
              .imports()
              .get(offer.apiPackage());
      if (declares && range != null) {
        consumers.add(
            new Consumer(
                other.pluginId(),
                other.pluginVersion(),
                other.enabled(),
                range.toString(),
                range.includes(Version.parseVersion(offer.apiVersion()))));
      }
    }
    return consumers;
  }
}
