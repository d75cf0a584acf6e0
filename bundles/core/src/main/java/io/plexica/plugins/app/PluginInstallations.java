package io.plexica.plugins.app;

import io.plexica.identity.app.RoleService;
import io.plexica.plugincheck.BundlePackages;
import io.plexica.plugins.domain.PluginInstallation;
import io.plexica.plugins.domain.PluginManifest;
import io.plexica.plugins.domain.PluginManifest.PluginReference;
import io.plexica.plugins.domain.PluginProblems;
import io.plexica.plugins.domain.PluginStore;
import io.plexica.plugins.domain.RegisteredPlugin;
import io.plexica.shared.hooks.ExtensionPoints;
import io.plexica.shared.json.JsonText;
import io.plexica.shared.lease.WorkLeases;
import io.plexica.shared.problem.ProblemException;
import io.plexica.tenancy.app.DatabaseMoves;
import io.plexica.tenancy.app.QuotaGuard;
import io.plexica.tenancy.domain.TenantQuotas.Quota;
import io.plexica.tenancy.domain.TenantRef;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.osgi.framework.Version;

/**
 * The plugins of one tenant, for its administrators: install (configuration checked against the
 * plugin's schema, dependencies installed first), enable, disable, configure, uninstall. A plugin's
 * routes and hooks reach a tenant only while it is installed and enabled there.
 */
public class PluginInstallations {
  /**
   * The lease a node holds on an installation or upgrade of a plugin in a tenant while it runs it:
   * a node that dies half-way leaves it to expire, and another node settles the work ({@link
   * #settleInterrupted}).
   */
  public static final String INSTALLATION_LEASE = "plugin-installation";

  private final PluginStore store;
  private final WorkLeases leases;
  private final QuotaGuard quotas;
  private final PluginDeployment deployment;
  private final PluginManifests manifests;
  private final RoleService roles;
  private final PluginMigrations migrations;
  private final Clock clock;
  private final ExtensionPoints extensions;

  public PluginInstallations(
      PluginStore store,
      PluginDeployment deployment,
      PluginManifests manifests,
      RoleService roles,
      PluginMigrations migrations,
      Clock clock,
      ExtensionPoints extensions,
      QuotaGuard quotas,
      WorkLeases leases) {
    this.quotas = quotas;
    this.leases = leases;
    this.store = store;
    this.deployment = deployment;
    this.manifests = manifests;
    this.roles = roles;
    this.migrations = migrations;
    this.clock = clock;
    this.extensions = extensions;
  }

  public List<PluginInstallation> installed(TenantRef tenant) {
    return store.installations(tenant.id());
  }

  /** The tenant's installation of the plugin; {@code plugin-not-installed} when there is none. */
  public PluginInstallation installed(TenantRef tenant, String pluginId) {
    return requireInstalled(tenant, pluginId);
  }

  /** The installation if the plugin is installed and enabled in the tenant. */
  public Optional<PluginInstallation> enabled(TenantRef tenant, String pluginId) {
    return enabled(tenant.id(), pluginId);
  }

  public Optional<PluginInstallation> enabled(java.util.UUID tenantId, String pluginId) {
    return store.installation(tenantId, pluginId).filter(PluginInstallation::enabled);
  }

  public PluginInstallation install(TenantRef tenant, String pluginId, String configJson) {
    return install(tenant, pluginId, Optional.empty(), configJson);
  }

  /** Installs a deployed version of the plugin; its current version when none is named. */
  public PluginInstallation install(
      TenantRef tenant, String pluginId, Optional<String> version, String configJson) {
    RegisteredPlugin plugin = deployment.get(pluginId);
    if (plugin.status() == RegisteredPlugin.Status.DEPRECATED) {
      throw new ProblemException(
          PluginProblems.PLUGIN_NOT_FOUND,
          "Plugin '" + pluginId + "' is deprecated and can no longer be installed.");
    }
    if (store.installation(tenant.id(), pluginId).isPresent()) {
      throw new ProblemException(
          PluginProblems.ALREADY_INSTALLED,
          "Plugin '" + pluginId + "' is already installed in this tenant.");
    }
    quotas.requireRoom(tenant, Quota.PLUGINS, () -> store.installations(tenant.id()).size(), 1);
    PluginManifest manifest =
        version.isPresent()
            ? deployment.manifest(pluginId, version.get())
            : deployment.currentManifest(plugin);
    requireCompatible(tenant, manifest);
    String config = manifests.validateConfig(manifest, configJson);
    PluginInstallation installation =
        new PluginInstallation(tenant.id(), pluginId, manifest.version(), config, clock.instant());
    Set<String> permissions = permissionsOf(manifest);
    deployment.ensureRunning(pluginId, manifest.version());
    boolean keptTables = migrations.hasTables(tenant, pluginId);
    String lease = takeLease(tenant, pluginId, Interrupted.install(manifest.version(), keptTables));
    leases.holding(
        INSTALLATION_LEASE,
        lease,
        () -> {
          migrations.migrate(tenant, manifest, deployment.bundle(pluginId, manifest.version()));
          shareViews(tenant, manifest);
          roles.grantToAdmin(tenant, permissions);
          store.install(installation, PluginEvents.of("installed", installation));
          return installation;
        },
        // Nothing of a failed installation stays: not its permissions, nor tables it just created.
        () -> undoInstall(tenant, pluginId, permissions, keptTables));
    extensions.announce(
        ExtensionPoints.Event.of(
            "plugin.installed",
            tenant.id(),
            tenant.slug(),
            Map.of("pluginId", pluginId, "version", manifest.version())));
    return installation;
  }

  /**
   * Makes the tables of the tenant's installed plugins in the schema {@code onTarget} names (the
   * tenant's schema on the cluster it is moving to), each with its installation's role there, at
   * the version installed, and the views plugins share granted to their dependents there.
   */
  public void migrateOnto(TenantRef onTarget) {
    for (PluginInstallation installation : store.installations(onTarget.id())) {
      String pluginId = installation.pluginId();
      migrations.migrate(
          onTarget,
          deployment.manifest(pluginId, installation.pluginVersion()),
          deployment.bundle(pluginId, installation.pluginVersion()));
    }
    // Grants are the target cluster's own: the shared views are granted there anew.
    for (PluginInstallation installation : store.installations(onTarget.id())) {
      shareViews(
          onTarget, deployment.manifest(installation.pluginId(), installation.pluginVersion()));
    }
  }

  public PluginInstallation setEnabled(TenantRef tenant, String pluginId, boolean enabled) {
    requireInstalled(tenant, pluginId);
    if (!enabled) {
      requireNoDependents(tenant, pluginId, true);
    }
    return store.updateInstallation(
        tenant.id(),
        pluginId,
        i -> i.setEnabled(enabled, clock.instant()),
        i -> PluginEvents.of(enabled ? "enabled" : "disabled", i));
  }

  public PluginInstallation configure(TenantRef tenant, String pluginId, String configJson) {
    PluginInstallation installation = requireInstalled(tenant, pluginId);
    String config =
        manifests.validateConfig(
            deployment.manifest(pluginId, installation.pluginVersion()), configJson);
    return store.updateInstallation(
        tenant.id(),
        pluginId,
        i -> i.configure(config, clock.instant()),
        i -> PluginEvents.of("configured", i));
  }

  /**
   * Moves the tenant to a newer deployed version of the plugin (the current one when none is
   * named): its configuration must fit the new schema, its dependencies must be met, and the new
   * migrations run in the tenant's schema in one transaction before the tenant's calls reach the
   * new version. Other tenants stay on their version. Any refusal changes nothing.
   */
  public PluginInstallation upgrade(TenantRef tenant, String pluginId, Optional<String> version) {
    PluginInstallation installation = requireInstalled(tenant, pluginId);
    String target = version.orElseGet(() -> deployment.get(pluginId).currentVersion());
    if (requestedVersion(target).compareTo(Version.parseVersion(installation.pluginVersion()))
        <= 0) {
      throw new ProblemException(
          PluginProblems.UPGRADE_INVALID,
          "This tenant runs '"
              + pluginId
              + "' "
              + installation.pluginVersion()
              + "; an upgrade needs a newer version than "
              + target
              + ".");
    }
    PluginManifest manifest = deployment.manifest(pluginId, target);
    requireCompatible(tenant, manifest);
    requireDependentsAccept(tenant, installation, target);
    String config = manifests.validateConfig(manifest, installation.config());
    String lease = takeLease(tenant, pluginId, Interrupted.upgrade(target));
    return leases.holding(
        INSTALLATION_LEASE,
        lease,
        () -> finishUpgrade(tenant, installation, manifest, config),
        () -> {});
  }

  /**
   * What the tenant is told about newer versions of an installed plugin: the newest version it can
   * upgrade to now (every check of {@link #upgrade} passes), and, when a newer one is published
   * that it cannot take yet, that version with the reason (a dependency to upgrade first, a
   * configuration the new schema refuses).
   */
  public record UpgradeOffer(Optional<String> version, Optional<Blocked> blocked) {
    public static final UpgradeOffer NONE = new UpgradeOffer(Optional.empty(), Optional.empty());
  }

  /** A newer version the tenant cannot move to yet, and why. */
  public record Blocked(String version, String reason) {}

  public UpgradeOffer upgradeOffer(TenantRef tenant, PluginInstallation installation) {
    String pluginId = installation.pluginId();
    Version installed = Version.parseVersion(installation.pluginVersion());
    List<String> newer =
        deployment.versions(pluginId).stream()
            .filter(v -> Version.parseVersion(v).compareTo(installed) > 0)
            .sorted(Comparator.comparing(Version::parseVersion).reversed())
            .toList();
    Optional<Blocked> blocked = Optional.empty();
    for (String candidate : newer) {
      try {
        PluginManifest manifest = deployment.manifest(pluginId, candidate);
        requireCompatible(tenant, manifest);
        requireDependentsAccept(tenant, installation, candidate);
        manifests.validateConfig(manifest, installation.config());
        return new UpgradeOffer(Optional.of(candidate), blocked);
      } catch (ProblemException e) {
        if (blocked.isEmpty()) {
          blocked = Optional.of(new Blocked(candidate, e.getMessage()));
        }
      }
    }
    return new UpgradeOffer(Optional.empty(), blocked);
  }

  /**
   * The upgrade once it is decided: the new migrations, the permissions, then the installation's
   * row. Every part can run again: migrations already applied are skipped, grants are idempotent.
   */
  private PluginInstallation finishUpgrade(
      TenantRef tenant, PluginInstallation installation, PluginManifest manifest, String config) {
    String pluginId = installation.pluginId();
    String target = manifest.version();
    deployment.ensureRunning(pluginId, target);
    migrations.migrate(tenant, manifest, deployment.bundle(pluginId, target));
    shareViews(tenant, manifest);
    Set<String> before = permissionsOf(deployment.manifest(pluginId, installation.pluginVersion()));
    Set<String> after = permissionsOf(manifest);
    roles.grantToAdmin(tenant, after);
    Set<String> dropped = new java.util.HashSet<>(before);
    dropped.removeAll(after);
    roles.revokeEverywhere(tenant, dropped);
    PluginInstallation upgraded =
        store.updateInstallation(
            tenant.id(),
            pluginId,
            i -> {
              i.upgradeTo(target, clock.instant());
              i.configure(config, clock.instant());
            },
            i ->
                PluginEvents.of(
                    "upgraded", i, Map.of("fromVersion", installation.pluginVersion())));
    deployment.retireUnused(pluginId);
    return upgraded;
  }

  /**
   * Settles an installation or upgrade that a node left half-done when it died (this node holds its
   * lease now). An installation that did not commit is undone, so that the client's retry starts
   * from nothing; an upgrade whose migrations may have run is finished, since migrations do not go
   * back. Work that had in fact committed needs nothing. The lease goes.
   */
  public void settleInterrupted(TenantRef tenant, String pluginId, String detail) {
    Interrupted work = Interrupted.parse(detail);
    Optional<PluginInstallation> installation = store.installation(tenant.id(), pluginId);
    if (work.upgrade()) {
      if (installation.isPresent() && !installation.get().pluginVersion().equals(work.version())) {
        PluginManifest manifest = deployment.manifest(pluginId, work.version());
        finishUpgrade(
            tenant,
            installation.get(),
            manifest,
            manifests.validateConfig(manifest, installation.get().config()));
      }
    } else if (installation.isEmpty()) {
      undoInstall(
          tenant,
          pluginId,
          permissionsOf(deployment.manifest(pluginId, work.version())),
          work.keptTables());
    }
    leases.release(INSTALLATION_LEASE, subject(tenant, pluginId));
  }

  private void undoInstall(
      TenantRef tenant, String pluginId, Set<String> permissions, boolean keptTables) {
    roles.revokeEverywhere(tenant, permissions);
    if (!keptTables) {
      migrations.purge(tenant, pluginId);
    }
  }

  /** One installation or upgrade of a plugin in a tenant at a time, across every node. */
  private String takeLease(TenantRef tenant, String pluginId, Interrupted work) {
    String subject = subject(tenant, pluginId);
    if (!leases.take(INSTALLATION_LEASE, subject, work.toJson())) {
      throw new ProblemException(
          PluginProblems.PLUGIN_BUSY,
          "Plugin '"
              + pluginId
              + "' is being installed or upgraded in this tenant right now; try again in a moment.");
    }
    // A move copies the tables that exist when it starts: a plugin's new ones would be left out.
    if (leases.subjects(DatabaseMoves.MOVE_LEASE).contains(tenant.id().toString())) {
      leases.release(INSTALLATION_LEASE, subject);
      throw new ProblemException(
          PluginProblems.PLUGIN_BUSY,
          "This tenant's data is being moved to another database cluster; install or upgrade"
              + " plugins once the move is over.");
    }
    return subject;
  }

  /** The installation or upgrade under way in the tenant, if one is, in words. */
  public Optional<String> underWay(TenantRef tenant) {
    String prefix = tenant.id() + "/";
    return leases.subjects(INSTALLATION_LEASE).stream()
        .filter(subject -> subject.startsWith(prefix))
        .findFirst()
        .map(
            subject ->
                "plugin '"
                    + subject.substring(prefix.length())
                    + "' is being installed or upgraded in it");
  }

  /** The lease's subject: the tenant and the plugin. */
  public static String subject(TenantRef tenant, String pluginId) {
    return tenant.id() + "/" + pluginId;
  }

  /**
   * Uninstalls the plugin; with {@code purge} its tables in the tenant's schema go too, otherwise
   * they stay for a later installation.
   */
  public void uninstall(TenantRef tenant, String pluginId, boolean purge) {
    PluginInstallation installation = requireInstalled(tenant, pluginId);
    requireNoDependents(tenant, pluginId, false);
    store.uninstall(
        tenant.id(),
        pluginId,
        PluginEvents.of("uninstalled", installation, Map.of("purge", purge)));
    if (purge) {
      migrations.purge(tenant, pluginId);
    }
    roles.revokeEverywhere(
        tenant, permissionsOf(deployment.manifest(pluginId, installation.pluginVersion())));
    deployment.retireUnused(pluginId);
  }

  /** What a lease says of its work, for the node that may have to settle it. */
  record Interrupted(boolean upgrade, String version, boolean keptTables) {
    static Interrupted install(String version, boolean keptTables) {
      return new Interrupted(false, version, keptTables);
    }

    static Interrupted upgrade(String to) {
      return new Interrupted(true, to, true);
    }

    String toJson() {
      return JsonText.PROVIDER
          .createObjectBuilder()
          .add("operation", upgrade ? "upgrade" : "install")
          .add("version", version)
          .add("keptTables", keptTables)
          .build()
          .toString();
    }

    static Interrupted parse(String json) {
      JsonObject detail = JsonText.object(json);
      return new Interrupted(
          "upgrade".equals(detail.getString("operation")),
          detail.getString("version"),
          detail.getBoolean("keptTables"));
    }
  }

  private static Set<String> permissionsOf(PluginManifest manifest) {
    return manifest.permissions().stream()
        .map(PluginManifest.PluginPermission::name)
        .collect(Collectors.toSet());
  }

  private PluginInstallation requireInstalled(TenantRef tenant, String pluginId) {
    return store
        .installation(tenant.id(), pluginId)
        .orElseThrow(
            () ->
                new ProblemException(
                    PluginProblems.NOT_INSTALLED,
                    "Plugin '" + pluginId + "' is not installed in this tenant."));
  }

  /**
   * What installing this version of the plugin needs in the tenant, depth first: each dependency
   * with the range asked, the version the tenant has (if any) and whether it meets the range and
   * the packages imported from it; a dependency the tenant lacks is followed by what it needs in
   * turn (its current version's), each plugin once.
   */
  public List<Requirement> requirements(TenantRef tenant, PluginManifest manifest) {
    List<Requirement> requirements = new java.util.ArrayList<>();
    collect(tenant, manifest, 0, new java.util.HashSet<>(Set.of(manifest.id())), requirements);
    return requirements;
  }

  /** A plugin another one needs, {@code depth} steps away from the one to install. */
  public record Requirement(
      String pluginId, String versionRange, int depth, Optional<String> installed, boolean met) {}

  private void collect(
      TenantRef tenant,
      PluginManifest manifest,
      int depth,
      Set<String> seen,
      List<Requirement> requirements) {
    for (PluginReference dependency : manifest.dependencies()) {
      if (!seen.add(dependency.id())) {
        continue;
      }
      Optional<String> installed =
          enabled(tenant, dependency.id()).map(PluginInstallation::pluginVersion);
      boolean met =
          dependency.isMetBy(installed)
              && unmetImports(manifest, dependency.id(), installed.get()).isEmpty();
      requirements.add(
          new Requirement(dependency.id(), dependency.versionRange(), depth, installed, met));
      if (installed.isEmpty()) {
        deployment
            .find(dependency.id())
            .ifPresent(
                plugin ->
                    collect(
                        tenant, deployment.currentManifest(plugin), depth + 1, seen, requirements));
      }
    }
  }

  /**
   * The views this plugin shares go to the tenant's plugins that depend on it, and the views of the
   * plugins it depends on come to it: its database role may SELECT them, no other plugin's may.
   */
  private void shareViews(TenantRef tenant, PluginManifest manifest) {
    for (PluginInstallation other : store.installations(tenant.id())) {
      if (other.pluginId().equals(manifest.id())) {
        continue;
      }
      PluginManifest otherManifest = deployment.manifest(other.pluginId(), other.pluginVersion());
      if (!manifest.views().isEmpty() && otherManifest.dependsOn(manifest.id())) {
        migrations.shareViews(tenant, manifest.id(), manifest.views(), other.pluginId());
      }
      if (!otherManifest.views().isEmpty() && manifest.dependsOn(other.pluginId())) {
        migrations.shareViews(tenant, other.pluginId(), otherManifest.views(), manifest.id());
      }
    }
  }

  /**
   * The version runs on this platform's SDK, and each dependency is installed and enabled at a
   * version in the manifest's range, whose bundle exports the packages this one imports from it in
   * versions its imports accept.
   */
  private void requireCompatible(TenantRef tenant, PluginManifest manifest) {
    deployment.requireRunsHere(manifest);
    for (PluginReference dependency : manifest.dependencies()) {
      Optional<String> installed =
          enabled(tenant, dependency.id()).map(PluginInstallation::pluginVersion);
      if (!dependency.isMetBy(installed)) {
        throw dependency.missingFor(manifest.id(), " installed and enabled in this tenant first");
      }
      List<String> unmet = unmetImports(manifest, dependency.id(), installed.get());
      if (!unmet.isEmpty()) {
        throw new ProblemException(
            PluginProblems.PACKAGE_UNMET,
            "Plugin '"
                + manifest.id()
                + "' "
                + manifest.version()
                + " imports "
                + String.join(", ", unmet)
                + "; this tenant has '"
                + dependency.id()
                + "' "
                + installed.get()
                + ". Install a version of '"
                + dependency.id()
                + "' that exports it, or another version of '"
                + manifest.id()
                + "'.");
      }
    }
  }

  /** What the plugin imports from {@code dependencyId} that its version {@code installed} lacks. */
  private List<String> unmetImports(
      PluginManifest manifest, String dependencyId, String installed) {
    return deployment
        .packages(manifest.id(), manifest.version())
        .unmetBy(dependencyId, deployment.packages(dependencyId, installed), BundlePackages.NONE);
  }

  /**
   * The tenant's plugins that depend on this one keep working at {@code target}: it is in the
   * version range of their manifests, and exports what they import from it in versions they accept
   * (a package's major change, say, refuses the upgrade while a dependent imports the old major).
   */
  private void requireDependentsAccept(
      TenantRef tenant, PluginInstallation installation, String target) {
    String pluginId = installation.pluginId();
    BundlePackages before = deployment.packages(pluginId, installation.pluginVersion());
    BundlePackages after = deployment.packages(pluginId, target);
    for (PluginInstallation other : store.installations(tenant.id())) {
      if (other.pluginId().equals(pluginId)) {
        continue;
      }
      PluginManifest dependent = deployment.manifest(other.pluginId(), other.pluginVersion());
      for (PluginReference dependency : dependent.dependencies()) {
        if (!dependency.id().equals(pluginId)) {
          continue;
        }
        List<String> unmet = new java.util.ArrayList<>();
        if (!dependency.isMetBy(Optional.of(target))) {
          unmet.add("'" + pluginId + "' " + dependency.versionRange() + " (its plugin.json)");
        }
        unmet.addAll(
            deployment
                .packages(other.pluginId(), other.pluginVersion())
                .unmetBy(pluginId, after, before));
        if (!unmet.isEmpty()) {
          throw new ProblemException(
              PluginProblems.PACKAGE_UNMET,
              "Upgrading '"
                  + pluginId
                  + "' to "
                  + target
                  + " would break plugin '"
                  + other.pluginId()
                  + "' "
                  + other.pluginVersion()
                  + " of this tenant, which needs "
                  + String.join(", ", unmet)
                  + ". Upgrade '"
                  + other.pluginId()
                  + "' first to a version that accepts it.");
        }
      }
    }
  }

  /** Refuses while other plugins of the tenant (the enabled ones, or any) depend on this one. */
  private void requireNoDependents(TenantRef tenant, String pluginId, boolean enabledOnly) {
    List<String> dependents = dependentsOf(tenant, pluginId, enabledOnly);
    if (!dependents.isEmpty()) {
      throw new ProblemException(
          PluginProblems.PLUGIN_IN_USE,
          "Plugins "
              + dependents
              + " of this tenant depend on '"
              + pluginId
              + (enabledOnly ? "'; disable them first." : "'; uninstall them first."));
    }
  }

  private List<String> dependentsOf(TenantRef tenant, String pluginId, boolean enabledOnly) {
    return store.installations(tenant.id()).stream()
        .filter(i -> !i.pluginId().equals(pluginId))
        .filter(i -> !enabledOnly || i.enabled())
        .filter(i -> deployment.manifest(i.pluginId(), i.pluginVersion()).dependsOn(pluginId))
        .map(PluginInstallation::pluginId)
        .toList();
  }

  /**
   * A version named by a client: {@code major.minor.micro[.qualifier]}, else a 400 on the field.
   */
  private static Version requestedVersion(String text) {
    try {
      return Version.parseVersion(text);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("version", "must be a version such as 1.2.0");
    }
  }
}
