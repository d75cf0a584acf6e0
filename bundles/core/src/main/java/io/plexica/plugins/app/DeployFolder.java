package io.plexica.plugins.app;

import io.plexica.plugins.domain.PluginLibrary;
import io.plexica.plugins.domain.PluginManifest;
import io.plexica.plugins.domain.PluginProblems;
import io.plexica.plugins.domain.PluginStore;
import io.plexica.shared.problem.ProblemException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A folder operators drop plugin bundles into: a new or changed {@code *.jar} is deployed through
 * {@link PluginDeployment} exactly as uploads are (a bundle without plugin.json is added as a
 * library through {@link PluginLibraries}), recorded as coming from that file; a removed jar
 * removes only the versions that file deployed (not versions uploaded through the API, nor another
 * file's). A jar is taken once its size and time stopped changing between two scans (so a copy in
 * progress is not read half-written). When a jar is refused, {@code <jar>.error} beside it says
 * why; it goes when the jar is deployed or leaves the folder.
 */
public class DeployFolder {
  private static final Logger LOG = Logger.getLogger(DeployFolder.class.getName());
  private static final String ERROR = ".error";

  private final Path folder;
  private final PluginDeployment deployment;
  private final PluginLibraries libraries;
  private final PluginManifests manifests;
  private final Map<Path, Seen> seen = new HashMap<>();

  private record Seen(long size, FileTime modified, boolean handled) {}

  public DeployFolder(
      Path folder,
      PluginDeployment deployment,
      PluginLibraries libraries,
      PluginManifests manifests) {
    this.folder = folder;
    this.deployment = deployment;
    this.libraries = libraries;
    this.manifests = manifests;
  }

  public Path folder() {
    return folder;
  }

  /** What the registry records as the source of the versions a jar of the folder deployed. */
  public static String sourceOf(Path jar) {
    return "folder:" + jar.getFileName();
  }

  /** One look at the folder; called periodically. */
  public synchronized void scan() {
    Set<Path> present = new HashSet<>();
    try {
      Files.createDirectories(folder);
      try (DirectoryStream<Path> jars = Files.newDirectoryStream(folder, "*.jar")) {
        for (Path jar : jars) {
          present.add(jar);
          consider(jar);
        }
      }
      try (DirectoryStream<Path> errors = Files.newDirectoryStream(folder, "*.jar" + ERROR)) {
        for (Path error : errors) {
          if (!present.contains(jarOf(error))) {
            Files.deleteIfExists(error);
          }
        }
      }
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Cannot read the plugin deploy folder " + folder, e);
      return;
    }
    for (Path gone : Set.copyOf(seen.keySet())) {
      if (!present.contains(gone)) {
        removed(gone);
      }
    }
    seen.keySet().retainAll(present);
  }

  private void consider(Path jar) throws IOException {
    long size = Files.size(jar);
    FileTime modified = Files.getLastModifiedTime(jar);
    Seen before = seen.get(jar);
    if (before == null || before.size() != size || !before.modified().equals(modified)) {
      seen.put(jar, new Seen(size, modified, false));
      return;
    }
    if (before.handled()) {
      return;
    }
    seen.put(jar, new Seen(size, modified, true));
    deploy(jar);
  }

  private void deploy(Path jar) throws IOException {
    Path error = errorOf(jar);
    byte[] bundle = Files.readAllBytes(jar);
    try {
      if (PluginLibraries.isLibrary(bundle)) {
        addLibrary(jar, bundle);
        Files.deleteIfExists(error);
        return;
      }
      PluginManifest manifest = manifests.read(bundle);
      try {
        deployment.deploy(bundle, sourceOf(jar));
        LOG.info("Deployed " + manifest.id() + " " + manifest.version() + " from " + jar);
      } catch (ProblemException e) {
        if (!e.type().equals(PluginProblems.VERSION_EXISTS)
            || !PluginDeployment.sha256(bundle)
                .equals(deployment.digest(manifest.id(), manifest.version()))) {
          throw e;
        }
        // The same bytes are deployed: by this file before the node restarted, or uploaded too.
      }
      Files.deleteIfExists(error);
    } catch (ProblemException e) {
      LOG.warning("Refused " + jar + ": " + e.getMessage());
      Files.writeString(
          error, e.type().slug() + ": " + e.getMessage() + "\n", StandardCharsets.UTF_8);
    }
  }

  private void addLibrary(Path jar, byte[] bundle) {
    try {
      PluginLibrary library = libraries.add(bundle, sourceOf(jar));
      LOG.info("Added library " + library.label() + " from " + jar);
    } catch (ProblemException e) {
      if (!e.type().equals(PluginProblems.LIBRARY_VERSION_EXISTS)) {
        throw e;
      }
      // That version is there: added by this file before the node restarted, or uploaded.
    }
  }

  /** Removes what the jar deployed, version by version; a version still in use stays. */
  private void removed(Path jar) {
    for (PluginLibrary library : libraries.addedFrom(sourceOf(jar))) {
      try {
        libraries.remove(library.symbolicName(), library.version());
        LOG.info("Removed library " + library.label() + ": its jar left " + folder);
      } catch (ProblemException e) {
        LOG.warning(library.label() + " stays: " + e.getMessage());
      }
    }
    for (PluginStore.DeployedVersion version : deployment.deployedFrom(sourceOf(jar))) {
      try {
        deployment.removeVersion(version.pluginId(), version.version());
        LOG.info(
            "Removed " + version.pluginId() + " " + version.version() + ": its jar left " + folder);
      } catch (ProblemException e) {
        LOG.warning(
            version.pluginId() + " " + version.version() + " stays deployed: " + e.getMessage());
      }
    }
  }

  private static Path errorOf(Path jar) {
    return jar.resolveSibling(jar.getFileName() + ERROR);
  }

  private static Path jarOf(Path error) {
    String name = error.getFileName().toString();
    return error.resolveSibling(name.substring(0, name.length() - ERROR.length()));
  }
}
