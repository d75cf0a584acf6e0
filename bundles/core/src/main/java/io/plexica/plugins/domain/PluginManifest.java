package io.plexica.plugins.domain;

import io.plexica.plugincheck.PluginBundleCheck;
import io.plexica.shared.problem.ProblemException;
import java.util.List;
import java.util.Optional;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/**
 * What a plugin says of itself in {@code META-INF/plexica/plugin.json}, checked against the
 * manifest's JSON Schema. The bundle's own headers are not read for any of it: this is the one
 * source of truth.
 *
 * <p>{@code changelog} says what the version changes and {@code screenshots} name pictures under
 * {@code ui/} in the bundle, both for the marketplace's plugin page.
 *
 * <p>{@code views} are views of the plugin's tables that its migrations create, shared read-only
 * with the plugins that depend on it (granted to their database roles).
 */
public record PluginManifest(
    String id,
    String version,
    String name,
    String vendor,
    String description,
    String category,
    Optional<String> icon,
    Optional<String> changelog,
    List<String> screenshots,
    List<String> tags,
    String sdkRange,
    List<PluginPermission> permissions,
    Optional<String> configSchemaJson,
    List<PluginReference> dependencies,
    List<PluginReference> conflicts,
    String migrations,
    List<String> views,
    Optional<Frontend> frontend,
    String json) {

  public static final String LOCATION = PluginBundleCheck.MANIFEST_LOCATION;
  public static final String DEFAULT_MIGRATIONS = PluginBundleCheck.DEFAULT_MIGRATIONS;

  public PluginManifest {
    tags = List.copyOf(tags);
    screenshots = List.copyOf(screenshots);
    permissions = List.copyOf(permissions);
    dependencies = List.copyOf(dependencies);
    conflicts = List.copyOf(conflicts);
    views = List.copyOf(views);
  }

  /** Whether this plugin names {@code pluginId} among its dependencies. */
  public boolean dependsOn(String pluginId) {
    return dependencies.stream().anyMatch(d -> d.id().equals(pluginId));
  }

  /**
   * The plugin's web UI: an ES module inside the bundle ({@code entry}, under {@code ui/}) and the
   * pages it adds to the tenant web app's menu.
   */
  public record Frontend(String entry, List<Page> pages) {
    public Frontend {
      pages = List.copyOf(pages);
    }
  }

  /**
   * A page of a plugin's UI: its path under {@code /p/<plugin>/}, its menu title, and who sees it.
   */
  public record Page(String path, String title, Optional<String> permission) {}

  /** A permission the plugin declares; its name starts with the plugin's id. */
  public record PluginPermission(String name, String description) {}

  /** Another plugin, by id and an OSGi version range such as {@code [1.0,2)}. */
  public record PluginReference(String id, String versionRange) {
    /** Whether the version present (if any) is in the range. */
    public boolean isMetBy(Optional<String> version) {
      return version.isPresent()
          && new VersionRange(versionRange).includes(Version.parseVersion(version.get()));
    }

    /** The refusal of plugin {@code dependent}, which needs this one; {@code why} ends it. */
    public ProblemException missingFor(String dependent, String why) {
      return new ProblemException(
          PluginProblems.DEPENDENCY_MISSING,
          "Plugin '" + dependent + "' needs '" + id + "' " + versionRange + why + ".");
    }
  }
}
