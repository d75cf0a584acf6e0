package io.plexica.plugins.app;

import io.plexica.plugins.domain.PluginManifest;
import io.plexica.plugins.domain.PluginProblems;
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
 * A folder operators drop plugin bundles into: a new or changed {@code *.jar} is deployed, a
 * removed one removes its plugin, both through {@link PluginDeployment} exactly as uploads are. A
 * jar is taken once its size and time stopped changing between two scans (so a copy in progress is
 * not read half-written). When a jar is refused, {@code <jar>.error} beside it says why; it goes
 * away when the jar is deployed.
 */
public class DeployFolder {
  private static final Logger LOG = Logger.getLogger(DeployFolder.class.getName());

  private final Path folder;
  private final PluginDeployment deployment;
  private final PluginManifests manifests;
  private final Map<Path, Seen> seen = new HashMap<>();
  private final Map<Path, String> deployedIds = new HashMap<>();

  private record Seen(long size, FileTime modified, boolean handled) {}

  public DeployFolder(Path folder, PluginDeployment deployment, PluginManifests manifests) {
    this.folder = folder;
    this.deployment = deployment;
    this.manifests = manifests;
  }

  public Path folder() {
    return folder;
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
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Cannot read the plugin deploy folder " + folder, e);
      return;
    }
    for (Path gone : Set.copyOf(deployedIds.keySet())) {
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
    Path error = jar.resolveSibling(jar.getFileName() + ".error");
    byte[] bundle = Files.readAllBytes(jar);
    try {
      PluginManifest manifest = manifests.read(bundle);
      try {
        deployment.deploy(bundle);
        LOG.info("Deployed " + manifest.id() + " " + manifest.version() + " from " + jar);
      } catch (ProblemException e) {
        if (!e.type().equals(PluginProblems.VERSION_EXISTS)) {
          throw e;
        }
      }
      deployedIds.put(jar, manifest.id());
      Files.deleteIfExists(error);
    } catch (ProblemException e) {
      LOG.warning("Refused " + jar + ": " + e.getMessage());
      Files.writeString(
          error, e.type().slug() + ": " + e.getMessage() + "\n", StandardCharsets.UTF_8);
    }
  }

  private void removed(Path jar) {
    String id = deployedIds.remove(jar);
    try {
      deployment.remove(id);
      LOG.info("Removed plugin " + id + ": its jar left " + folder);
    } catch (ProblemException e) {
      LOG.warning("Plugin " + id + " stays deployed: " + e.getMessage());
    }
  }
}
