package io.plexica.maven;

import io.plexica.plugincheck.CheckedPlugin;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Checks the plugin's bundle offline exactly as a Plexica checks it at deploy: a readable bundle
 * within the platform's size bounds, plugin.json against the manifest schema, version ranges,
 * permissions, the configuration schema, Bundle-Version equal to plugin.json's version, the files
 * plugin.json names, the {@code sdk} range and the SDK packages the bundle imports against the SDK
 * the project compiles with. The plugin parent binds it to {@code package}.
 */
@Mojo(
    name = "validate",
    defaultPhase = LifecyclePhase.PACKAGE,
    requiresDependencyResolution = ResolutionScope.COMPILE,
    threadSafe = true)
public class ValidateMojo extends BundleMojo {

  @Parameter(property = "plexica.validate.skip", defaultValue = "false")
  private boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip || "pom".equals(project.getPackaging())) {
      getLog().info("Plexica bundle check skipped.");
      return;
    }
    CheckedPlugin plugin = checked(readBundle());
    reportLibraryImports(plugin);
    getLog()
        .info(
            "Plugin "
                + plugin.id()
                + " "
                + plugin.version()
                + " passes the checks a Plexica makes before it deploys a bundle.");
  }
}
