package io.plexica.plugins.app;

import io.plexica.plugincheck.BundleEntries;
import io.plexica.plugincheck.BundleRefusal;
import io.plexica.plugins.domain.PluginInstallation;
import io.plexica.plugins.domain.PluginManifest;
import io.plexica.plugins.domain.PluginStore;
import io.plexica.tenancy.domain.TenantRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The web UIs plugins ship in their bundles: which a tenant's user sees (plugins enabled in the
 * tenant, at the version it runs, pages the user's permissions allow), and the files under {@code
 * ui/} the web app loads. A deployed bundle never changes, so its files are read once and kept (the
 * most recently used {@value #CACHED_VERSIONS} bundles).
 */
public class PluginUi {
  static final String FOLDER = BundleEntries.UI_FOLDER;
  static final int CACHED_VERSIONS = 64;
  private static final Logger LOG = Logger.getLogger(PluginUi.class.getName());

  private final PluginStore store;
  private final PluginDeployment deployment;
  private final Map<String, Map<String, byte[]>> files =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Map<String, byte[]>> eldest) {
              return size() > CACHED_VERSIONS;
            }
          });

  public PluginUi(PluginStore store, PluginDeployment deployment) {
    this.store = store;
    this.deployment = deployment;
  }

  /** A plugin's UI as a tenant's user sees it. */
  public record TenantUi(
      String pluginId,
      String version,
      String name,
      String entry,
      List<PluginManifest.Page> pages) {}

  /** The UIs of the plugins enabled in the tenant, with the pages {@code permissions} allow. */
  public List<TenantUi> forTenant(TenantRef tenant, Set<String> permissions) {
    List<TenantUi> uis = new ArrayList<>();
    for (PluginInstallation installation : store.installations(tenant.id())) {
      if (!installation.enabled()) {
        continue;
      }
      PluginManifest manifest =
          deployment.manifest(installation.pluginId(), installation.pluginVersion());
      manifest
          .frontend()
          .ifPresent(
              frontend -> {
                List<PluginManifest.Page> pages =
                    frontend.pages().stream()
                        .filter(p -> p.permission().map(permissions::contains).orElse(true))
                        .toList();
                if (!pages.isEmpty()) {
                  uis.add(
                      new TenantUi(
                          manifest.id(),
                          manifest.version(),
                          manifest.name(),
                          frontend.entry().substring(FOLDER.length()),
                          pages));
                }
              });
    }
    return uis;
  }

  /**
   * Whether a version's files never change, so browsers may keep them: not on a development
   * platform, which replaces versions in place.
   */
  public boolean filesImmutable() {
    return !deployment.replacesInPlace();
  }

  /** A file under {@code ui/} of a deployed version, by its path below {@code ui/}. */
  public Optional<byte[]> file(String pluginId, String version, String path) {
    if (path.contains("..")
        || path.startsWith("/")
        || !store.versions(pluginId).contains(version)) {
      return Optional.empty();
    }
    // By digest too: a version replaced in place (a development platform) has other files.
    String key = pluginId + "/" + version + "/" + deployment.digest(pluginId, version);
    Map<String, byte[]> ui =
        files.computeIfAbsent(key, k -> read(k, deployment.bundle(pluginId, version)));
    return Optional.ofNullable(ui.get(path));
  }

  /**
   * The version's UI files; a bundle whose UI is over its bounds (deploy refuses those, so only a
   * bundle deployed before the bounds) serves none, and the refusal is kept like any answer.
   */
  private static Map<String, byte[]> read(String key, byte[] bundle) {
    try {
      return Map.copyOf(BundleEntries.uiFiles(bundle));
    } catch (BundleRefusal e) {
      LOG.warning("Not serving the UI of plugin " + key + ": " + e.getMessage());
      return Map.of();
    }
  }
}
