package io.plexica.plugins.infra;

import io.plexica.plugincheck.SdkManifest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The embedded Apache Felix framework that runs plugin bundles inside the platform's JVM. It
 * exports the SDK's packages (and JSON-P) from the application's class loader, so a plugin's {@code
 * RouteHandler} is the very class the host calls, and it runs Declarative Services (SCR) so plugins
 * are ordinary {@code @Component}s. Its bundle cache is scratch space: the plugin registry in the
 * database is the record, and the host installs from it at every start.
 */
public class FelixHost implements AutoCloseable {

  /**
   * Packages of the application the plugins may import, with their versions: the SDK's as its
   * manifest declares them ({@link SdkManifest}), and the JSON-P API the SDK's types use.
   */
  public static final String EXPORTED_PACKAGES =
      String.join(
          ",",
          String.join(",", SdkManifest.CURRENT.exports()),
          "jakarta.json;version=2.1.3",
          "jakarta.json.spi;version=2.1.3",
          "jakarta.json.stream;version=2.1.3");

  /** Installed and started before any plugin, in this order. */
  static final List<String> FRAMEWORK_BUNDLES =
      List.of(
          "org.osgi.util.function.jar",
          "org.osgi.util.promise.jar",
          "org.osgi.service.component.jar",
          "org.apache.felix.scr.jar");

  private static final String RESOURCES = "META-INF/plexica/framework-bundles/";

  private final Framework framework;

  public FelixHost(Path cacheDirectory) {
    Map<String, String> config =
        Map.of(
            Constants.FRAMEWORK_STORAGE,
            cacheDirectory.toAbsolutePath().toString(),
            Constants.FRAMEWORK_STORAGE_CLEAN,
            Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT,
            Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA,
            EXPORTED_PACKAGES,
            // Plugins see only what the host exports, never the server's or the platform's classes.
            Constants.FRAMEWORK_BUNDLE_PARENT,
            Constants.FRAMEWORK_BUNDLE_PARENT_FRAMEWORK,
            // Plugins are identified by their manifest, not by their bundle's name and version:
            // the next version of a plugin starts beside the running one before replacing it.
            Constants.FRAMEWORK_BSNVERSION,
            Constants.FRAMEWORK_BSNVERSION_MULTIPLE,
            "felix.log.level",
            "1");
    this.framework = new FrameworkFactory().newFramework(config);
    try {
      framework.init();
      framework.start();
      for (String name : FRAMEWORK_BUNDLES) {
        try (InputStream jar = resource(name)) {
          framework.getBundleContext().installBundle("plexica:framework/" + name, jar).start();
        }
      }
    } catch (BundleException | IOException e) {
      close();
      throw new IllegalStateException("The plugin framework could not start", e);
    }
  }

  private static InputStream resource(String name) {
    InputStream stream = FelixHost.class.getClassLoader().getResourceAsStream(RESOURCES + name);
    if (stream == null) {
      throw new IllegalStateException("Missing framework bundle " + RESOURCES + name);
    }
    return stream;
  }

  public BundleContext context() {
    return framework.getBundleContext();
  }

  /** Installs and starts a bundle; a bundle that does not resolve is uninstalled again. */
  public Bundle installAndStart(String location, byte[] jar) throws BundleException {
    Bundle bundle = context().installBundle(location, new ByteArrayInputStream(jar));
    try {
      bundle.start();
      return bundle;
    } catch (BundleException e) {
      List<String> unmet =
          e.getType() == BundleException.RESOLVE_ERROR ? unmetImports(bundle) : List.of();
      bundle.uninstall();
      throw unmet.isEmpty() ? e : new UnmetImports(unmet, e);
    }
  }

  /**
   * Installs a bundle and resolves it without starting it (a library: its classes serve others, no
   * code of its own runs); one that does not resolve is uninstalled again.
   */
  public Bundle installAndResolve(String location, byte[] jar) throws BundleException {
    Bundle bundle = context().installBundle(location, new ByteArrayInputStream(jar));
    if (framework.adapt(FrameworkWiring.class).resolveBundles(List.of(bundle))) {
      return bundle;
    }
    List<String> unmet = unmetImports(bundle);
    bundle.uninstall();
    BundleException unresolved =
        new BundleException(
            "it does not resolve (a requirement other than a package import is not met, such as"
                + " Require-Bundle or Require-Capability)",
            BundleException.RESOLVE_ERROR);
    throw unmet.isEmpty() ? unresolved : new UnmetImports(unmet, unresolved);
  }

  /** A bundle that cannot resolve because nothing exports packages it imports. */
  public static final class UnmetImports extends BundleException {
    private static final long serialVersionUID = 1L;
    private final List<String> packages;

    UnmetImports(List<String> packages, BundleException cause) {
      super("Nothing exports " + String.join(", ", packages), RESOLVE_ERROR, cause);
      this.packages = List.copyOf(packages);
    }

    /** Each package with the versions imported, such as {@code org.example.x [1.2,2)}. */
    public List<String> packages() {
      return packages;
    }
  }

  /**
   * The bundle's mandatory package imports no other bundle (nor the host) provides in a version it
   * accepts, in words; Felix's own message names only the first, in resolver terms.
   */
  private List<String> unmetImports(Bundle bundle) {
    FrameworkWiring wiring = framework.adapt(FrameworkWiring.class);
    List<String> unmet = new ArrayList<>();
    for (BundleRequirement requirement :
        bundle
            .adapt(BundleRevision.class)
            .getDeclaredRequirements(PackageNamespace.PACKAGE_NAMESPACE)) {
      if (PackageNamespace.RESOLUTION_OPTIONAL.equals(
          requirement.getDirectives().get(PackageNamespace.REQUIREMENT_RESOLUTION_DIRECTIVE))) {
        continue;
      }
      boolean provided =
          wiring.findProviders(requirement).stream()
              .anyMatch(capability -> !capability.getRevision().getBundle().equals(bundle));
      if (!provided) {
        unmet.add(
            describe(
                requirement.getDirectives().get(PackageNamespace.REQUIREMENT_FILTER_DIRECTIVE)));
      }
    }
    return unmet;
  }

  private static final Pattern PACKAGE = Pattern.compile("osgi\\.wiring\\.package=([^)]+)");
  private static final Pattern FLOOR = Pattern.compile("(?<!!)\\(version>=([^)]+)\\)");
  private static final Pattern CEILING = Pattern.compile("\\(!\\(version>=([^)]+)\\)\\)");

  /** {@code org.example.x [1.2.0,2.0.0)} from the import's filter (Felix writes it so). */
  static String describe(String filter) {
    Matcher name = PACKAGE.matcher(filter);
    if (!name.find()) {
      return filter;
    }
    Matcher floor = FLOOR.matcher(filter);
    Matcher ceiling = CEILING.matcher(filter);
    boolean from = floor.find();
    boolean below = ceiling.find();
    String versions = "";
    if (from && below) {
      versions = " [" + floor.group(1) + "," + ceiling.group(1) + ")";
    } else if (from) {
      versions = " " + floor.group(1) + " or later";
    } else if (below) {
      versions = " below " + ceiling.group(1);
    }
    return name.group(1) + versions;
  }

  /** Stops and removes a bundle, then lets the framework drop what only it used. */
  public void uninstall(Bundle bundle) throws BundleException {
    bundle.uninstall();
    refresh();
  }

  /** Rewires the framework after bundles went away, and waits until it has. */
  public void refresh() {
    CountDownLatch done = new CountDownLatch(1);
    framework
        .adapt(FrameworkWiring.class)
        .refreshBundles(
            null,
            event -> {
              if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                done.countDown();
              }
            });
    try {
      done.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    try {
      framework.stop();
      framework.waitForStop(TimeUnit.SECONDS.toMillis(30));
    } catch (BundleException e) {
      throw new IllegalStateException("The plugin framework did not stop cleanly", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
