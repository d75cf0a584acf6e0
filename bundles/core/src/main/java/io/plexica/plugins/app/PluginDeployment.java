package io.plexica.plugins.app;

import io.plexica.identity.app.PermissionCatalog;
import io.plexica.identity.domain.PermissionInfo;
import io.plexica.plugincheck.BundleEntries;
import io.plexica.plugincheck.BundlePackages;
import io.plexica.plugincheck.BundleRefusal;
import io.plexica.plugincheck.BundleSignature;
import io.plexica.plugincheck.PluginBundleCheck;
import io.plexica.plugins.domain.PluginManifest;
import io.plexica.plugins.domain.PluginManifest.PluginReference;
import io.plexica.plugins.domain.PluginProblems;
import io.plexica.plugins.domain.PluginStore;
import io.plexica.plugins.domain.RegisteredPlugin;
import io.plexica.shared.events.DomainEvent;
import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.security.Certificates;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/**
 * Deploys plugins into the registry and the running framework, for platform administrators. A new
 * bundle is checked (manifest, SDK range, dependencies, conflicts), started next to the running
 * version, and only then recorded; any refusal leaves the version that ran running.
 */
public class PluginDeployment {
  private static final Logger LOG = Logger.getLogger(PluginDeployment.class.getName());

  /** Announced when a version is deployed to the registry (other replicas start it). */
  public static final String DEPLOYED = "core.plugin.deployed";

  /** Announced when a plugin is removed from the registry (other replicas stop it). */
  public static final String REMOVED = "core.plugin.removed";

  /**
   * Announced when a deployed version's bundle is replaced in place (a development platform):
   * replicas restart that version from the new bundle.
   */
  public static final String REPLACED = "core.plugin.replaced";

  /** Announced when one version of a plugin is removed from the registry (replicas stop it). */
  public static final String VERSION_REMOVED = "core.plugin.version_removed";

  private final PluginStore store;
  private final PluginManifests manifests;
  private final PluginRuntime runtime;
  private final PermissionCatalog catalog;
  private final Clock clock;

  /**
   * What deployed versions say of themselves, by {@code id@version}: a version never changes while
   * it is deployed, so it is read once; a removal here or elsewhere (reconcile) forgets the plugin,
   * whose version may come back with other contents.
   */
  private final java.util.Map<String, PluginManifest> manifestsRead =
      new java.util.concurrent.ConcurrentHashMap<>();

  private final java.util.Map<String, BundlePackages> packages =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * One lock per plugin id, held by every change of its registry entry and running versions here
   * and by {@link #reconcile}: the registry follower reconciling a plugin while an administrator
   * removed it could read the registry before the removal and start the version again after it, a
   * bundle still running (and wired to libraries) once its plugin is gone.
   */
  private final java.util.Map<String, Object> locks =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The SHA-256 of the bundle each version runs from here, by {@code id@version}: a version
   * replaced in place (here or on another replica) runs another bundle under the same version.
   */
  private final java.util.Map<String, String> runningDigests =
      new java.util.concurrent.ConcurrentHashMap<>();

  private final java.util.Map<String, String> digests =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Whether a deployed version may be replaced in place: development platforms only. */
  private final boolean replaceInPlace;

  private Object lockOf(String id) {
    return locks.computeIfAbsent(id, key -> new Object());
  }

  public PluginDeployment(
      PluginStore store,
      PluginManifests manifests,
      PluginRuntime runtime,
      PermissionCatalog catalog,
      Clock clock) {
    this(store, manifests, runtime, catalog, clock, false);
  }

  public PluginDeployment(
      PluginStore store,
      PluginManifests manifests,
      PluginRuntime runtime,
      PermissionCatalog catalog,
      Clock clock,
      boolean replaceInPlace) {
    this.store = store;
    this.manifests = manifests;
    this.runtime = runtime;
    this.catalog = catalog;
    this.clock = clock;
    this.replaceInPlace = replaceInPlace;
  }

  /** Deploys a new plugin or a newer version of one, uploaded; returns the registry entry. */
  public RegisteredPlugin deploy(byte[] bundle) {
    return deploy(bundle, PluginStore.UPLOADED);
  }

  /**
   * Deploys a new plugin or a newer version of one, recording where it came from (a deploy folder's
   * file removes only what it deployed); returns the registry entry.
   */
  public RegisteredPlugin deploy(byte[] bundle, String source) {
    return deploy(bundle, source, Optional.empty());
  }

  /**
   * Deploys a version a vendor published ({@code signed}), or the platform's own: the plugin is the
   * vendor's from then on, and every load checks the bundle against the certificate that signed it.
   */
  public RegisteredPlugin deploy(
      byte[] bundle, String source, Optional<PluginStore.Signed> signed) {
    PluginManifest manifest = manifests.read(bundle);
    synchronized (lockOf(manifest.id())) {
      vet(manifest, bundle);
      return deploy(manifest, bundle, source, signed);
    }
  }

  /**
   * Everything a deploy checks before it starts the bundle: the bundle and its plugin.json, the SDK
   * it was built against, a version newer than the deployed ones, the plugins it needs deployed in
   * a version in range, and no conflict either way. A vendor's upload is checked so at once, long
   * before a platform administrator approves it; returns what the bundle says of itself.
   */
  public PluginManifest vet(byte[] bundle) {
    PluginManifest manifest = manifests.read(bundle);
    vet(manifest, bundle);
    return manifest;
  }

  private void vet(PluginManifest manifest, byte[] bundle) {
    requireSdk(manifest, bundle);
    Optional<RegisteredPlugin> existing = store.find(manifest.id());
    if (existing.isPresent()) {
      requireNewer(manifest, existing.get());
    }
    requireDependencies(manifest);
    requireNoConflicts(manifest);
  }

  private RegisteredPlugin deploy(
      PluginManifest manifest, byte[] bundle, String source, Optional<PluginStore.Signed> signed) {
    String digest = sha256(bundle);
    start(manifest, bundle, digest);
    RegisteredPlugin saved;
    try {
      saved =
          store.saveVersion(
              manifest,
              bundle,
              digest,
              clock.instant(),
              source,
              signed,
              List.of(
                  DomainEvent.ofPlatform(
                      DEPLOYED, Map.of("pluginId", manifest.id(), "version", manifest.version()))));
    } catch (RuntimeException e) {
      runtime.deactivate(manifest.id(), manifest.version());
      throw e;
    }
    catalog.replace(manifest.id(), permissions(manifest));
    retireUnused(manifest.id());
    return saved;
  }

  /**
   * Stops the versions of a plugin nobody needs any more: neither the current one, which new
   * installations get, nor one a tenant still runs.
   */
  public void retireUnused(String id) {
    synchronized (lockOf(id)) {
      retireUnusedLocked(id);
    }
  }

  private void retireUnusedLocked(String id) {
    Optional<RegisteredPlugin> plugin = store.find(id);
    List<String> needed = new java.util.ArrayList<>(store.installedVersions(id));
    plugin.ifPresent(p -> needed.add(p.currentVersion()));
    for (String version : runtime.activeVersions(id)) {
      if (!needed.contains(version)) {
        runtime.deactivate(id, version);
      }
    }
  }

  /** Makes sure this version of the plugin runs (a tenant upgrades or downgrades to it). */
  public void ensureRunning(String id, String version) {
    // Most calls find it running: spare them the bundle's read from the registry and its digest.
    if (!runtime.activeVersions(id).contains(version)) {
      start(manifest(id, version), intactBundle(id, version), digest(id, version));
    }
  }

  /**
   * A deployed version's bundle as read from the registry, checked before it runs: its SHA-256 must
   * be the one recorded at its deploy, and a version a vendor published must still carry the
   * signature it was approved with. A bundle changed in the registry's storage is refused, loudly,
   * and never loaded.
   */
  private byte[] intactBundle(String id, String version) {
    byte[] bundle = storedBundle(id, version);
    String actual = sha256(bundle);
    if (!actual.equals(digest(id, version))) {
      // This node may remember the digest from before a replacement in place elsewhere: the
      // registry's own is what the bundle must match.
      digests.remove(id + "@" + version);
      String recorded = digest(id, version);
      if (!actual.equals(recorded)) {
        throw tampered(id, version, "its SHA-256 is no longer " + recorded);
      }
    }
    Optional<String> certificate = store.signerCertificate(id, version);
    if (certificate.isPresent()) {
      try {
        BundleSignature.signer(bundle, List.of(Certificates.fromPem(certificate.get())));
      } catch (BundleRefusal refusal) {
        throw tampered(id, version, refusal.detail());
      }
    }
    return bundle;
  }

  private static ProblemException tampered(String id, String version, String why) {
    LOG.severe(
        "Plugin " + id + " " + version + " was changed in the registry and is not loaded: " + why);
    return new ProblemException(
        PluginProblems.BUNDLE_TAMPERED,
        "Plugin '"
            + id
            + "' "
            + version
            + " changed since it was deployed and is not loaded ("
            + why
            + "); deploy it again from its vendor's signed bundle.");
  }

  /** Runs the version here, remembering which bundle ({@code digest}) it runs from. */
  private void start(PluginManifest manifest, byte[] bundle, String digest) {
    runtime.activate(manifest, bundle);
    runningDigests.put(manifest.id() + "@" + manifest.version(), digest);
  }

  /**
   * Replaces the bundle of a deployed version in place: the vendor's development loop ({@code mvn
   * plexica:watch}), on a platform that allows it ({@code plexica.plugins.replace-in-place}). The
   * new bundle passes the checks of a deploy; tenants that run the version keep their installation
   * and, from the next call, reach the new code; their applied migrations must stay as they are. A
   * bundle that does not start leaves the old one running. The same bundle again changes nothing.
   */
  public RegisteredPlugin replace(String id, String version, byte[] bundle) {
    if (!replaceInPlace) {
      throw new ProblemException(
          PluginProblems.REPLACE_OFF,
          "This platform does not replace deployed versions in place (a development platform"
              + " does: plexica.plugins.replace-in-place=true); deploy a higher version.");
    }
    PluginManifest manifest = manifests.read(bundle);
    if (!manifest.id().equals(id) || !manifest.version().equals(version)) {
      throw ProblemException.invalid(
          "body",
          "is plugin '"
              + manifest.id()
              + "' "
              + manifest.version()
              + ", not "
              + id
              + " "
              + version);
    }
    synchronized (lockOf(id)) {
      if (!store.versions(id).contains(version)) {
        throw new ProblemException(
            PluginProblems.VERSION_NOT_FOUND,
            "Plugin '" + id + "' has no version " + version + " to replace; deploy it first.");
      }
      String digest = sha256(bundle);
      String oldDigest = digest(id, version);
      if (oldDigest.equals(digest)) {
        return get(id);
      }
      requireSdk(manifest, bundle);
      requireDependencies(manifest);
      requireNoConflicts(manifest);
      PluginManifest old = manifest(id, version);
      byte[] oldBundle = bundle(id, version);
      requireSameAppliedMigrations(old, oldBundle, manifest, bundle);
      boolean running = runtime.activeVersions(id).contains(version);
      if (running) {
        runtime.deactivate(id, version);
        try {
          start(manifest, bundle, digest);
        } catch (RuntimeException e) {
          start(old, oldBundle, oldDigest);
          throw e;
        }
      }
      RegisteredPlugin saved;
      try {
        saved =
            store.replaceVersion(
                manifest,
                bundle,
                digest,
                clock.instant(),
                List.of(
                    DomainEvent.ofPlatform(
                        REPLACED, Map.of("pluginId", id, "version", version, "sha256", digest))));
      } catch (RuntimeException e) {
        if (running) {
          runtime.deactivate(id, version);
          start(old, oldBundle, oldDigest);
        }
        throw e;
      }
      forget(id);
      if (saved.currentVersion().equals(version)) {
        catalog.replace(id, permissions(manifest));
      }
      return saved;
    }
  }

  /**
   * A replacement may add migrations while no tenant runs the version, not change the ones a tenant
   * applied: those stay recorded with their checksums in the tenant's schema.
   */
  private void requireSameAppliedMigrations(
      PluginManifest old, byte[] oldBundle, PluginManifest next, byte[] bundle) {
    if (!store.installedVersions(old.id()).contains(old.version())) {
      return;
    }
    Map<String, byte[]> applied =
        BundleEntries.migrationScripts(oldBundle, old.migrations(), file -> true);
    Map<String, byte[]> offered =
        BundleEntries.migrationScripts(bundle, next.migrations(), file -> true);
    boolean same =
        applied.size() == offered.size()
            && applied.entrySet().stream()
                .allMatch(e -> java.util.Arrays.equals(e.getValue(), offered.get(e.getKey())));
    if (!same) {
      throw new ProblemException(
          PluginProblems.REPLACE_MIGRATIONS_CHANGED,
          "Tenants run plugin '"
              + old.id()
              + "' "
              + old.version()
              + " with its migrations applied; a replacement in place keeps them as they are."
              + " Deploy a higher version for new or changed migrations.");
    }
  }

  /** Starts the current version of every registered plugin (at start-up, unless in safe mode). */
  public void activateAll() {
    for (RegisteredPlugin plugin : store.list()) {
      PluginManifest manifest = currentManifest(plugin);
      try {
        start(
            manifest,
            intactBundle(plugin.id(), plugin.currentVersion()),
            digest(plugin.id(), plugin.currentVersion()));
        catalog.register(permissions(manifest));
      } catch (RuntimeException e) {
        LOG.log(
            Level.SEVERE,
            "Plugin " + plugin.id() + " " + plugin.currentVersion() + " did not start",
            e);
      }
    }
  }

  /** Removes a plugin no tenant has installed and no plugin depends on. */
  public void remove(String id) {
    synchronized (lockOf(id)) {
      removeLocked(id);
    }
  }

  private void removeLocked(String id) {
    RegisteredPlugin plugin = get(id);
    List<String> tenants = store.tenantsUsing(id);
    if (!tenants.isEmpty()) {
      throw new ProblemException(
          PluginProblems.PLUGIN_IN_USE,
          "Plugin '"
              + id
              + "' is installed in "
              + tenants.size()
              + " tenant(s), e.g. "
              + tenants.get(0)
              + "; they must uninstall it first.");
    }
    List<String> dependents =
        store.list().stream()
            .filter(p -> !p.id().equals(id))
            .filter(p -> currentManifest(p).dependsOn(id))
            .map(RegisteredPlugin::id)
            .toList();
    if (!dependents.isEmpty()) {
      throw new ProblemException(
          PluginProblems.PLUGIN_IN_USE,
          "Plugins " + dependents + " depend on '" + id + "'; remove them first.");
    }
    runtime.deactivate(plugin.id());
    store.delete(plugin.id(), List.of(DomainEvent.ofPlatform(REMOVED, Map.of("pluginId", id))));
    catalog.unregister(plugin.id());
    forget(id);
  }

  /**
   * Removes one version of a plugin: refused while a tenant runs it. The last version removes the
   * plugin (as {@link #remove}); the current one hands over to the highest remaining version,
   * refused while a registered plugin's dependency range excludes that one.
   */
  public void removeVersion(String id, String version) {
    synchronized (lockOf(id)) {
      removeVersionLocked(id, version);
    }
  }

  private void removeVersionLocked(String id, String version) {
    RegisteredPlugin plugin = get(id);
    List<String> versions = store.versions(id);
    if (!versions.contains(version)) {
      throw new ProblemException(
          PluginProblems.VERSION_NOT_FOUND,
          "Plugin '" + id + "' has no version " + version + "; it has " + versions + ".");
    }
    if (versions.size() == 1) {
      removeLocked(id);
      return;
    }
    List<String> tenants = store.tenantsUsing(id, version);
    if (!tenants.isEmpty()) {
      throw new ProblemException(
          PluginProblems.PLUGIN_IN_USE,
          "Version "
              + version
              + " of plugin '"
              + id
              + "' runs in "
              + tenants.size()
              + " tenant(s), e.g. "
              + tenants.get(0)
              + "; they must upgrade or uninstall it first.");
    }
    Optional<PluginManifest> successor = Optional.empty();
    if (plugin.currentVersion().equals(version)) {
      PluginManifest next =
          manifest(
              id,
              versions.stream()
                  .filter(v -> !v.equals(version))
                  .max(Comparator.comparing(Version::parseVersion))
                  .orElseThrow());
      requireDependentsAcceptCurrent(next);
      successor = Optional.of(next);
    }
    store.deleteVersion(
        id,
        version,
        successor,
        clock.instant(),
        List.of(
            DomainEvent.ofPlatform(VERSION_REMOVED, Map.of("pluginId", id, "version", version))));
    forget(id);
    successor.ifPresent(
        next -> {
          catalog.replace(id, permissions(next));
          ensureRunning(id, next.version());
        });
    runtime.deactivate(id, version);
  }

  /** Refuses {@code next} as the plugin's current version while a registered plugin excludes it. */
  private void requireDependentsAcceptCurrent(PluginManifest next) {
    for (RegisteredPlugin other : store.list()) {
      if (other.id().equals(next.id())) {
        continue;
      }
      currentManifest(other).dependencies().stream()
          .filter(d -> d.id().equals(next.id()))
          .filter(d -> !d.isMetBy(Optional.of(next.version())))
          .findFirst()
          .ifPresent(
              d -> {
                throw new ProblemException(
                    PluginProblems.PLUGIN_IN_USE,
                    "Plugin '"
                        + other.id()
                        + "' needs '"
                        + next.id()
                        + "' "
                        + d.versionRange()
                        + ", which "
                        + next.version()
                        + " (the version that would become current) is not.");
              });
    }
  }

  /**
   * Brings the versions of a plugin this node runs in line with the registry, after another node
   * changed it: registers the current version's permissions, starts the current version and every
   * version a tenant runs, and stops the rest. A plugin no longer registered is stopped.
   */
  public void reconcile(String id) {
    synchronized (lockOf(id)) {
      reconcileLocked(id);
    }
  }

  private void reconcileLocked(String id) {
    forget(id);
    Optional<RegisteredPlugin> plugin = store.find(id);
    if (plugin.isEmpty()) {
      runtime.deactivate(id);
      catalog.unregister(id);
      return;
    }
    // Permissions first: a version is reachable once it runs, and its routes are checked
    // against them from its first request.
    catalog.replace(id, permissions(currentManifest(plugin.get())));
    Set<String> needed = new LinkedHashSet<>(store.installedVersions(id));
    needed.add(plugin.get().currentVersion());
    for (String version : needed) {
      if (!runtime.activeVersions(id).contains(version)) {
        ensureRunning(id, version);
      } else if (!digest(id, version).equals(runningDigests.get(id + "@" + version))) {
        // Replaced in place elsewhere: the same version, another bundle.
        runtime.deactivate(id, version);
        ensureRunning(id, version);
      }
    }
    retireUnused(id);
  }

  /** {@link #reconcile} for every plugin registered or running here; one failing stops no other. */
  public void reconcileAll() {
    Set<String> ids = new LinkedHashSet<>(runtime.activePlugins());
    store.list().forEach(p -> ids.add(p.id()));
    for (String id : ids) {
      try {
        reconcile(id);
      } catch (RuntimeException e) {
        LOG.log(
            Level.SEVERE, "Plugin " + id + " could not be brought in line with the registry", e);
      }
    }
  }

  public RegisteredPlugin setStatus(String id, RegisteredPlugin.Status status) {
    get(id);
    return store.update(id, p -> p.setStatus(status, clock.instant()));
  }

  public java.util.Optional<RegisteredPlugin> find(String id) {
    return store.find(id);
  }

  public RegisteredPlugin get(String id) {
    return store.find(id).orElseThrow(() -> PluginProblems.notFound(id));
  }

  public List<RegisteredPlugin> list() {
    return store.list();
  }

  public List<String> versions(String id) {
    return store.versions(id);
  }

  /**
   * A deployed version's bundle, checked as every load checks it ({@link #intactBundle}): what its
   * migrations, its UI files and its code are read from.
   */
  public byte[] bundle(String id, String version) {
    return intactBundle(id, version);
  }

  private byte[] storedBundle(String id, String version) {
    return store.bundle(id, version).orElseThrow(() -> noSuchVersion(id, version));
  }

  /** The versions deployed from {@code source} (a deploy folder's file). */
  public List<PluginStore.DeployedVersion> deployedFrom(String source) {
    return store.deployedFrom(source);
  }

  public List<String> tenantsUsing(String id) {
    return store.tenantsUsing(id);
  }

  /**
   * The packages of every registered version, by {@code id@version}, running here or not: what a
   * library's removal must leave them (a version not running now may run at a tenant's upgrade).
   */
  public Map<String, BundlePackages> registeredPackages() {
    Map<String, BundlePackages> all = new java.util.LinkedHashMap<>();
    for (RegisteredPlugin plugin : store.list()) {
      for (String version : store.versions(plugin.id())) {
        all.put(plugin.id() + " " + version, packages(plugin.id(), version));
      }
    }
    return all;
  }

  /** The packages a deployed version exports and imports (a deployed version never changes). */
  public BundlePackages packages(String id, String version) {
    return packages.computeIfAbsent(
        id + "@" + version, key -> BundlePackages.of(bundle(id, version)));
  }

  public PluginManifest currentManifest(RegisteredPlugin plugin) {
    return manifest(plugin.id(), plugin.currentVersion());
  }

  public PluginManifest manifest(String id, String version) {
    return manifestsRead.computeIfAbsent(
        id + "@" + version,
        key ->
            manifests.fromJson(
                store.manifestJson(id, version).orElseThrow(() -> noSuchVersion(id, version))));
  }

  /** The SHA-256 of a deployed version's bundle: what tells a replaced version from itself. */
  public String digest(String id, String version) {
    return digests.computeIfAbsent(
        id + "@" + version,
        key -> store.sha256(id, version).orElseThrow(() -> noSuchVersion(id, version)));
  }

  /** Whether deployed versions are replaced in place here (their files are not immutable). */
  public boolean replacesInPlace() {
    return replaceInPlace;
  }

  private void forget(String id) {
    manifestsRead.keySet().removeIf(key -> key.startsWith(id + "@"));
    packages.keySet().removeIf(key -> key.startsWith(id + "@"));
    digests.keySet().removeIf(key -> key.startsWith(id + "@"));
  }

  private static ProblemException noSuchVersion(String id, String version) {
    return new ProblemException(
        PluginProblems.PLUGIN_NOT_FOUND, "Plugin '" + id + "' has no version " + version + ".");
  }

  private void requireSdk(PluginManifest manifest, byte[] bundle) {
    requireSdk(manifest, BundlePackages.of(bundle));
  }

  /**
   * A deployed version still runs on the SDK this platform provides now (an upgraded platform may
   * have moved past its range): what an installation or an upgrade checks first.
   */
  public void requireRunsHere(PluginManifest manifest) {
    requireSdk(manifest, packages(manifest.id(), manifest.version()));
  }

  private void requireSdk(PluginManifest manifest, BundlePackages packages) {
    try {
      PluginBundleCheck.checkSdk(manifest.id(), manifest.sdkRange(), packages, runtime.sdk());
    } catch (BundleRefusal refusal) {
      throw PluginProblems.refused(refusal);
    }
  }

  private void requireNewer(PluginManifest manifest, RegisteredPlugin existing) {
    if (store.versions(existing.id()).contains(manifest.version())) {
      throw new ProblemException(
          PluginProblems.VERSION_EXISTS,
          "Plugin '" + manifest.id() + "' " + manifest.version() + " is already deployed.");
    }
    if (Version.parseVersion(manifest.version())
            .compareTo(Version.parseVersion(existing.currentVersion()))
        < 0) {
      throw new ProblemException(
          PluginProblems.VERSION_OLDER,
          "Plugin '"
              + manifest.id()
              + "' runs "
              + existing.currentVersion()
              + ", newer than "
              + manifest.version()
              + ".");
    }
  }

  private void requireDependencies(PluginManifest manifest) {
    for (PluginReference dependency : manifest.dependencies()) {
      Optional<String> deployed = store.find(dependency.id()).map(RegisteredPlugin::currentVersion);
      if (!dependency.isMetBy(deployed)) {
        throw dependency.missingFor(
            manifest.id(),
            ", which is not deployed" + deployed.map(v -> " (" + v + " is)").orElse(""));
      }
    }
  }

  private void requireNoConflicts(PluginManifest manifest) {
    for (RegisteredPlugin other : store.list()) {
      if (other.id().equals(manifest.id())) {
        continue;
      }
      Version otherVersion = Version.parseVersion(other.currentVersion());
      for (PluginReference conflict : manifest.conflicts()) {
        if (conflict.id().equals(other.id())
            && new VersionRange(conflict.versionRange()).includes(otherVersion)) {
          throw conflict(manifest.id(), other.id() + " " + other.currentVersion());
        }
      }
      Version mine = Version.parseVersion(manifest.version());
      for (PluginReference conflict : currentManifest(other).conflicts()) {
        if (conflict.id().equals(manifest.id())
            && new VersionRange(conflict.versionRange()).includes(mine)) {
          throw conflict(manifest.id(), other.id() + " " + other.currentVersion());
        }
      }
    }
  }

  private static ProblemException conflict(String id, String other) {
    return new ProblemException(
        PluginProblems.CONFLICT, "Plugin '" + id + "' conflicts with the deployed " + other + ".");
  }

  static List<PermissionInfo> permissions(PluginManifest manifest) {
    return manifest.permissions().stream()
        .map(p -> new PermissionInfo(p.name(), p.description(), manifest.id()))
        .toList();
  }

  /** The SHA-256 of a bundle, in lower-case hex: what the registry records of each version. */
  public static String sha256(byte[] bundle) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bundle));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
