package io.plexica.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.plexica.plugins.infra.FelixHost;
import io.plexica.sdk.CallContext;
import io.plexica.sdk.data.PluginData;
import io.plexica.sdk.event.EventHandler;
import io.plexica.sdk.event.EventPublisher;
import io.plexica.sdk.event.EventSubscription;
import io.plexica.sdk.hook.Hook;
import io.plexica.sdk.hook.HookHandler;
import io.plexica.sdk.route.Route;
import io.plexica.sdk.route.RouteHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/** The embedded framework with the sample plugins, outside any server. */
class FelixHostTest {
  static final Path ANALYTICS = Path.of("target/test-bundles/analytics.jar");

  @Test
  void aPluginsRouteIsTheHostsRouteHandlerTypeAndGoesAwayWithItsBundle(@TempDir Path cache)
      throws Exception {
    try (FelixHost host = new FelixHost(cache)) {
      // The platform registers the data access; this test only needs the service to exist, so
      // that the plugin's components (which reference it) become active.
      host.context()
          .registerService(
              PluginData.class,
              new PluginData() {
                @Override
                public List<Map<String, Object>> query(CallContext c, String sql, Object... p) {
                  throw new UnsupportedOperationException("not in this test");
                }

                @Override
                public int update(CallContext c, String sql, Object... p) {
                  throw new UnsupportedOperationException("not in this test");
                }
              },
              null);
      host.context()
          .registerService(
              EventPublisher.class,
              (context, event, data) -> {
                throw new UnsupportedOperationException("not in this test");
              },
              null);
      Bundle analytics = host.installAndStart("test:analytics", Files.readAllBytes(ANALYTICS));

      ServiceReference<RouteHandler> route = host.context().getServiceReference(RouteHandler.class);
      assertThat(route).as("the route, registered by Declarative Services").isNotNull();
      assertThat(route.getBundle()).isEqualTo(analytics);
      assertThat(route.getProperty(Route.METHOD)).isEqualTo("GET");
      assertThat(route.getProperty(Route.PATH)).isEqualTo("/summary");
      assertThat(route.getProperty(Route.PERMISSION)).isEqualTo("analytics:summary:read");
      assertThat(host.context().getService(route)).isInstanceOf(RouteHandler.class);

      assertThat(host.context().getServiceReferences(HookHandler.class, null))
          .extracting(r -> r.getProperty(Hook.NAME))
          .containsExactly("workspace.creating");
      assertThat(host.context().getServiceReferences(EventHandler.class, null))
          .extracting(r -> r.getProperty(EventSubscription.TOPICS))
          .containsExactlyInAnyOrder(
              new String[] {"core.user.created"}, new String[] {"core.workspace.created"});

      host.uninstall(analytics);
      assertThat(host.context().getServiceReference(RouteHandler.class)).isNull();
      assertThat(host.context().getServiceReference(HookHandler.class)).isNull();
      assertThat(host.context().getServiceReference(EventHandler.class)).isNull();
    }
  }

  @Test
  void theHostExportsTheSdkPackagesAtTheVersionsTheSdkDeclares() throws IOException {
    String sdkJar =
        RouteHandler.class.getProtectionDomain().getCodeSource().getLocation().getPath();
    String declared;
    if (sdkJar.endsWith(".jar")) {
      try (JarFile jar = new JarFile(sdkJar)) {
        declared = jar.getManifest().getMainAttributes().getValue("Export-Package");
      }
    } else {
      try (var in = Files.newInputStream(Path.of(sdkJar, "META-INF/MANIFEST.MF"))) {
        declared = new Manifest(in).getMainAttributes().getValue("Export-Package");
      }
    }
    for (String export : FelixHost.EXPORTED_PACKAGES.split(",")) {
      String name = export.substring(0, export.indexOf(';'));
      if (name.startsWith("io.plexica.sdk")) {
        String version = export.substring(export.indexOf("version=") + "version=".length());
        assertThat(declared).contains(name + ";version=\"" + version + "\"");
      }
    }
    assertThat(io.plexica.plugincheck.BundlePackages.clauses(declared).size())
        .as("every SDK package is exported by the host")
        .isEqualTo(FelixHost.EXPORTED_PACKAGES.split("io\\.plexica").length - 1);
  }
}
