package io.plexica.maven;

import io.plexica.plugincheck.CheckedPlugin;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.lifecycle.LifecycleExecutor;
import org.apache.maven.lifecycle.MavenExecutionPlan;
import org.apache.maven.plugin.BuildPluginManager;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * The vendor's development loop: watches the plugin's sources and, after every change, builds it in
 * this JVM as {@code mvn process-classes} would (resources, compile, bnd: warm, so in about a
 * second) and sends {@code target/classes} (bnd writes the bundle's manifest beside the classes and
 * resources) as a bundle to the platform, which runs it in place of the deployed one of the same
 * version. A build made elsewhere (another {@code mvn process-classes}, an IDE running bnd) is sent
 * as well, once bnd wrote its manifest. Every build passes the checks of {@code plexica:validate}
 * first; a refusal is printed and the watch goes on. The platform must allow replacing versions in
 * place (a development platform: {@code bin/plexica up} does). Stops with Ctrl-C, or after {@code
 * plexica.watch.builds} deployments.
 */
@Mojo(name = "watch", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class WatchMojo extends DeployMojo {

  /** What is watched and sent: the project's compiled classes with bnd's manifest. */
  @Parameter(
      property = "plexica.watch.classes",
      defaultValue = "${project.build.outputDirectory}",
      required = true)
  private File classes;

  /** How often the classes are looked at for a finished build, in milliseconds. */
  @Parameter(property = "plexica.watch.interval", defaultValue = "250")
  private long interval;

  /** Whether a change of the sources is built here (false: only builds made elsewhere are sent). */
  @Parameter(property = "plexica.watch.build", defaultValue = "true")
  private boolean build;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  private MavenSession session;

  private final LifecycleExecutor lifecycle;
  private final BuildPluginManager pluginManager;

  /** Stop after this many deployments (0: never, until Ctrl-C). */
  @Parameter(property = "plexica.watch.builds", defaultValue = "0")
  private int builds;

  @Inject
  public WatchMojo(LifecycleExecutor lifecycle, BuildPluginManager pluginManager) {
    this.lifecycle = lifecycle;
    this.pluginManager = pluginManager;
  }

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    PlatformClient client = client();
    getLog()
        .info("Watching " + classes + "; every change goes live at " + url + " (Ctrl-C stops).");
    long seen = -1;
    long sourcesSeen = sourcesStamp();
    if (build) {
      // Once at the start: what is sent first is what the sources say, and the compiler and bnd
      // are loaded and warm before the first edit.
      rebuild();
    }
    boolean replacing = false;
    int deployed = 0;
    try {
      while (builds == 0 || deployed < builds) {
        long sources = sourcesStamp();
        if (build && sources != sourcesSeen) {
          // An editor saves in steps: taken once it stopped changing for one look.
          Thread.sleep(interval);
          if (sourcesStamp() != sources) {
            continue;
          }
          sourcesSeen = sources;
          rebuild();
        }
        long built = builtAt(classes.toPath());
        if (built != seen && built != 0) {
          seen = built;
          long start = System.nanoTime();
          byte[] jar = jar(classes.toPath());
          CheckedPlugin plugin;
          try {
            plugin = checked(jar);
          } catch (MojoFailureException refused) {
            getLog().error(refused.getMessage());
            continue;
          }
          PlatformClient.Answer answer =
              replacing ? replace(client, plugin, jar) : deploy(client, jar);
          if (!replacing && answer.type().equals("plugin-version-exists")) {
            answer = replace(client, plugin, jar);
          }
          if (answer.deployed()) {
            replacing = true;
            deployed++;
            getLog()
                .info(
                    "Live: "
                        + plugin.id()
                        + " "
                        + plugin.version()
                        + " ("
                        + (System.nanoTime() - start) / 1_000_000
                        + " ms after the build)");
          } else if (answer.type().equals("plugin-replace-off")) {
            throw new MojoFailureException(refusal(plugin, answer));
          } else {
            getLog().error(refusal(plugin, answer));
          }
        }
        Thread.sleep(interval);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Runs the mojos of the project's lifecycle up to {@code process-classes} in this JVM, each with
   * the configuration Maven gives it; a failure (a compile error) is printed and the watch goes on.
   */
  private void rebuild() {
    long start = System.nanoTime();
    try {
      MavenExecutionPlan plan = lifecycle.calculateExecutionPlan(session, "process-classes");
      for (MojoExecution execution : plan.getMojoExecutions()) {
        pluginManager.executeMojo(session, execution);
      }
      getLog().info("Built in " + (System.nanoTime() - start) / 1_000_000 + " ms.");
    } catch (Exception e) {
      getLog().error("The build failed: " + e.getMessage());
    }
  }

  /** The newest modification and the number of files of the sources and resources; 0 for none. */
  private long sourcesStamp() throws MojoExecutionException {
    List<Path> roots = new ArrayList<>();
    project.getCompileSourceRoots().forEach(root -> roots.add(Path.of(root)));
    project.getResources().forEach(resource -> roots.add(Path.of(resource.getDirectory())));
    long newest = 0;
    int count = 0;
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          newest = Math.max(newest, Files.getLastModifiedTime(file).toMillis());
          count++;
        }
      } catch (IOException e) {
        throw new MojoExecutionException("Cannot look at " + root, e);
      }
    }
    return newest * 31 + count;
  }

  private PlatformClient.Answer replace(PlatformClient client, CheckedPlugin plugin, byte[] jar)
      throws MojoExecutionException {
    return send(client, () -> client.replace(plugin.id(), plugin.version(), jar));
  }

  /**
   * When bnd last wrote the bundle's manifest under {@code root}, once it is at least as new as
   * every other file there: bnd runs last in a build ({@code process-classes}) and writes its
   * manifest every time, so that is a finished build. 0 while a build is under way (a class or
   * resource newer than the manifest) or when there is no manifest.
   */
  static long builtAt(Path root) throws MojoExecutionException {
    Path manifest = root.resolve("META-INF/MANIFEST.MF");
    if (!Files.isRegularFile(manifest)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(root)) {
      long written = Files.getLastModifiedTime(manifest).toMillis();
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        if (Files.getLastModifiedTime(file).toMillis() > written) {
          return 0;
        }
      }
      return written;
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot look at " + root, e);
    }
  }

  /** The folder as a jar, its META-INF/MANIFEST.MF (bnd's) first as a jar's must be. */
  static byte[] jar(Path root) throws MojoExecutionException {
    Path manifestFile = root.resolve("META-INF/MANIFEST.MF");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Stream<Path> files = Files.walk(root)) {
      Manifest manifest = new Manifest();
      if (Files.isRegularFile(manifestFile)) {
        try (var in = Files.newInputStream(manifestFile)) {
          manifest.read(in);
        }
      }
      try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
          if (file.equals(manifestFile)) {
            continue;
          }
          out.putNextEntry(new JarEntry(root.relativize(file).toString().replace('\\', '/')));
          Files.copy(file, out);
          out.closeEntry();
        }
      }
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot make a bundle of " + root, e);
    }
    return bytes.toByteArray();
  }
}
