package io.plexica.maven;

import io.plexica.plugincheck.BundlePackages;
import io.plexica.plugincheck.BundleRefusal;
import io.plexica.plugincheck.CheckedPlugin;
import io.plexica.plugincheck.Finding;
import io.plexica.plugincheck.PluginBundleCheck;
import io.plexica.plugincheck.SdkManifest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.jar.JarFile;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** What the goals share: the project's bundle and the platform's own checks of it. */
abstract class BundleMojo extends AbstractMojo {
  /** Packages a plugin imports that Java or the platform provides: the SDK's, JSON-P, OSGi's. */
  private static final List<String> PROVIDED =
      List.of("java.", "io.plexica.sdk", "jakarta.json", "org.osgi.");

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  protected MavenProject project;

  /** The plugin's bundle: the jar this project builds. */
  @Parameter(
      property = "plexica.bundle",
      defaultValue = "${project.build.directory}/${project.build.finalName}.jar",
      required = true)
  protected File bundle;

  /**
   * The bundle, checked as the platform checks it before a deploy; the build fails with the
   * platform's words otherwise.
   */
  protected CheckedPlugin checked(byte[] jar) throws MojoFailureException {
    try {
      CheckedPlugin plugin = new PluginBundleCheck().check(jar);
      Optional<SdkManifest> sdk = projectSdk();
      if (sdk.isPresent()) {
        PluginBundleCheck.checkSdk(plugin, sdk.get());
      } else {
        getLog().warn("No io.plexica:plexica-plugin-sdk among the dependencies: SDK not checked.");
      }
      return plugin;
    } catch (BundleRefusal refusal) {
      StringBuilder words = new StringBuilder(refusal.type()).append(": ").append(refusal.detail());
      for (Finding finding : refusal.findings()) {
        words.append("\n  ").append(finding.field()).append(" ").append(finding.message());
      }
      throw new MojoFailureException(bundle.getName() + " would be refused. " + words);
    }
  }

  protected byte[] readBundle() throws MojoExecutionException {
    if (!bundle.isFile()) {
      throw new MojoExecutionException(
          "No bundle at " + bundle + ": build it first (mvn package).");
    }
    try {
      return Files.readAllBytes(bundle.toPath());
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot read " + bundle, e);
    }
  }

  /**
   * Imports that a library bundle or another plugin on the platform must export: the build cannot
   * know what a platform has.
   */
  protected void reportLibraryImports(CheckedPlugin plugin) {
    TreeSet<String> fromLibraries = new TreeSet<>();
    BundlePackages packages = plugin.packages();
    packages
        .imports()
        .forEach(
            (name, range) -> {
              if (PROVIDED.stream().noneMatch(name::startsWith)
                  && !packages.exports().containsKey(name)) {
                fromLibraries.add(name + " " + range);
              }
            });
    if (!fromLibraries.isEmpty()) {
      getLog()
          .info(
              "Imported from library bundles or other plugins (the platform must have them;"
                  + " libraries: /api/v1/admin/plugin-libraries): "
                  + String.join(", ", fromLibraries));
    }
  }

  /** The SDK the project compiles against, as its jar manifest declares it. */
  private Optional<SdkManifest> projectSdk() throws MojoFailureException {
    for (Artifact artifact : project.getArtifacts()) {
      if ("io.plexica".equals(artifact.getGroupId())
          && "plexica-plugin-sdk".equals(artifact.getArtifactId())
          && artifact.getFile() != null) {
        try (JarFile jar = new JarFile(artifact.getFile())) {
          return Optional.of(SdkManifest.of(jar.getManifest().getMainAttributes()));
        } catch (IOException | RuntimeException e) {
          throw new MojoFailureException("Cannot read the SDK's manifest in " + artifact.getFile());
        }
      }
    }
    return Optional.empty();
  }
}
