package io.plexica.marketplace.app;

import io.plexica.marketplace.domain.MarketplaceCatalog;
import io.plexica.marketplace.domain.MarketplaceQuery;
import io.plexica.marketplace.domain.MarketplaceResults;
import io.plexica.marketplace.domain.MarketplaceResults.Listing;
import io.plexica.plugins.app.PluginDeployment;
import io.plexica.plugins.app.PluginInstallations;
import io.plexica.plugins.app.PluginInstallations.Requirement;
import io.plexica.plugins.domain.PluginInstallation;
import io.plexica.plugins.domain.PluginManifest;
import io.plexica.plugins.domain.PluginProblems;
import io.plexica.shared.problem.ProblemException;
import io.plexica.tenancy.domain.TenantRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The marketplace as a tenant sees it: the catalog's search with what the tenant runs of it, and a
 * plugin's page with every version, what each asks for (permissions) and needs in this tenant.
 */
public class Marketplace {
  private final MarketplaceCatalog catalog;
  private final PluginDeployment deployment;
  private final PluginInstallations installations;

  public Marketplace(
      MarketplaceCatalog catalog, PluginDeployment deployment, PluginInstallations installations) {
    this.catalog = catalog;
    this.deployment = deployment;
    this.installations = installations;
  }

  /** The results, and by plugin id the version the tenant has installed, for those it has. */
  public record TenantResults(MarketplaceResults results, Map<String, String> installed) {
    public TenantResults {
      installed = Map.copyOf(installed);
    }
  }

  /** A listed plugin, its versions newest first, and the version the tenant has, if any. */
  public record PluginPage(
      Listing listing, List<VersionPage> versions, Optional<String> installedVersion) {
    public PluginPage {
      versions = List.copyOf(versions);
    }
  }

  /** A version: its manifest, when it was deployed, and what installing it needs in the tenant. */
  public record VersionPage(
      PluginManifest manifest, Instant deployedAt, List<Requirement> requirements) {
    public VersionPage {
      requirements = List.copyOf(requirements);
    }
  }

  public TenantResults search(TenantRef tenant, MarketplaceQuery query) {
    MarketplaceResults results = catalog.search(query);
    Set<String> listed = results.items().stream().map(Listing::id).collect(Collectors.toSet());
    return new TenantResults(
        results,
        installations.installed(tenant).stream()
            .filter(i -> listed.contains(i.pluginId()))
            .collect(
                Collectors.toMap(PluginInstallation::pluginId, PluginInstallation::pluginVersion)));
  }

  /** {@code plugin-not-found} for an id nobody lists, deprecated plugins included. */
  public PluginPage plugin(TenantRef tenant, String id) {
    Listing listing =
        catalog
            .listing(id)
            .orElseThrow(
                () ->
                    new ProblemException(
                        PluginProblems.PLUGIN_NOT_FOUND,
                        "No plugin '" + id + "' is in the marketplace."));
    List<VersionPage> versions =
        catalog.versions(id).stream()
            .map(
                v -> {
                  PluginManifest manifest = deployment.manifest(id, v.version());
                  return new VersionPage(
                      manifest, v.deployedAt(), installations.requirements(tenant, manifest));
                })
            .toList();
    Optional<String> installed =
        installations.installed(tenant).stream()
            .filter(i -> i.pluginId().equals(id))
            .map(PluginInstallation::pluginVersion)
            .findFirst();
    return new PluginPage(listing, versions, installed);
  }
}
