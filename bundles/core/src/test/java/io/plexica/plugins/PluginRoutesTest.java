package io.plexica.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.plexica.plugins.app.PluginRuntime.HookTarget;
import io.plexica.plugins.app.PluginRuntime.MatchedRoute;
import io.plexica.plugins.domain.PluginManifest;
import io.plexica.plugins.domain.PluginStore;
import io.plexica.plugins.infra.FelixHost;
import io.plexica.plugins.infra.FelixPluginRuntime;
import io.plexica.plugins.infra.JpaPluginStore;
import io.plexica.plugins.infra.ManifestReader;
import io.plexica.testing.TestBundles;
import io.plexica.testing.TestPlatform;
import io.plexica.testing.UsesServices;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The routes a running plugin version registers, as the host indexes them when they come and
 * forgets them when its bundle stops: each version answers with its own, and nothing of a stopped
 * version is left to match.
 */
@UsesServices
class PluginRoutesTest {

  @Test
  void aVersionsRoutesAreIndexedWhileItRunsAndGoWithIt(@TempDir Path cache) {
    TestPlatform platform = TestPlatform.create();
    PluginStore store = new JpaPluginStore(TestPlatform.database());
    byte[] v1 = TestBundles.sample("analytics");
    byte[] v2 =
        TestBundles.withEntries(
            v1,
            Map.of(
                PluginManifest.LOCATION,
                new String(
                        TestBundles.entry(v1, PluginManifest.LOCATION),
                        java.nio.charset.StandardCharsets.UTF_8)
                    .replace("\"version\": \"1.0.0\"", "\"version\": \"1.1.0\"")));
    ManifestReader manifests = new ManifestReader();
    try (FelixHost host = new FelixHost(cache);
        FelixPluginRuntime runtime = platform.pluginRuntime(host, store)) {
      runtime.activate(manifests.read(v1), v1);
      runtime.activate(manifests.read(v2), v2);

      Optional<MatchedRoute> summary = runtime.route("analytics", "1.0.0", "GET", "/summary");
      assertThat(summary)
          .get()
          .extracting(MatchedRoute::permission)
          .isEqualTo("analytics:summary:read");
      assertThat(runtime.route("analytics", "1.1.0", "get", "/summary")).isPresent();
      assertThat(runtime.route("analytics", "1.0.0", "POST", "/summary")).isEmpty();
      assertThat(runtime.route("analytics", "1.0.0", "GET", "/summary/x")).isEmpty();
      assertThat(runtime.route("analytics", "2.0.0", "GET", "/summary")).isEmpty();

      runtime.deactivate("analytics", "1.0.0");
      assertThat(runtime.route("analytics", "1.0.0", "GET", "/summary")).isEmpty();
      assertThat(runtime.route("analytics", "1.1.0", "GET", "/summary"))
          .as("the other version keeps its routes")
          .isPresent();
      runtime.deactivate("analytics");
      assertThat(runtime.route("analytics", "1.1.0", "GET", "/summary")).isEmpty();
    }
  }

  /**
   * Hooks are found by name through the registry's LDAP filter (a tracker per name), and a name
   * with the filter's special characters is a name, not a pattern.
   */
  @Test
  void hooksAreFoundByTheirNameOnly(@TempDir Path cache) {
    TestPlatform platform = TestPlatform.create();
    PluginStore store = new JpaPluginStore(TestPlatform.database());
    byte[] analytics = TestBundles.sample("analytics");
    try (FelixHost host = new FelixHost(cache);
        FelixPluginRuntime runtime = platform.pluginRuntime(host, store)) {
      runtime.activate(new ManifestReader().read(analytics), analytics);

      assertThat(runtime.hooks("workspace.creating"))
          .extracting(HookTarget::pluginId)
          .containsExactly("analytics");
      assertThat(runtime.hooks("user.created")).isEmpty();
      assertThat(runtime.hooks("*")).as("a name, not a pattern").isEmpty();
      assertThat(runtime.hooks("workspace.creating)(x=*")).isEmpty();

      runtime.deactivate("analytics");
      assertThat(runtime.hooks("workspace.creating")).isEmpty();
    }
  }
}
