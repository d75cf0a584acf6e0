package io.plexica.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.plexica.plugins.domain.PluginManifest;
import io.plexica.plugins.domain.PluginProblems;
import io.plexica.plugins.infra.ManifestReader;
import io.plexica.shared.problem.FieldError;
import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.problem.ProblemType;
import io.plexica.testing.TestBundles;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Plugin manifests checked against their JSON Schema, and what the schema cannot say. */
class ManifestReaderTest {
  private static final ManifestReader READER = new ManifestReader();
  private static final byte[] ANALYTICS = TestBundles.sample("analytics");

  private static ProblemException refusal(byte[] bundle, ProblemType type) {
    try {
      READER.read(bundle);
    } catch (ProblemException e) {
      assertThat(e.type()).isEqualTo(type);
      return e;
    }
    throw new AssertionError("The bundle was accepted");
  }

  private static byte[] analyticsWith(String manifest) {
    return TestBundles.withEntries(ANALYTICS, Map.of(PluginManifest.LOCATION, manifest));
  }

  @Test
  void theSamplePluginsManifestIsRead() {
    PluginManifest manifest = READER.read(ANALYTICS);

    assertThat(manifest.id()).isEqualTo("analytics");
    assertThat(manifest.version()).isEqualTo("1.0.0");
    assertThat(manifest.sdkRange()).isEqualTo("[1.1,2)");
    assertThat(manifest.permissions())
        .extracting(p -> p.name())
        .containsExactly("analytics:summary:read");
    assertThat(manifest.configSchemaJson()).get().asString().contains("retentionDays");
    assertThat(manifest.migrations()).isEqualTo(PluginManifest.DEFAULT_MIGRATIONS);
    assertThat(manifest.frontend())
        .get()
        .extracting(PluginManifest.Frontend::entry)
        .isEqualTo("ui/analytics.js");
    assertThat(manifest.frontend().get().pages())
        .containsExactly(
            new PluginManifest.Page(
                "analytics", "Analytics", java.util.Optional.of("analytics:summary:read")));
  }

  @Test
  void aFrontendMustBeAModuleTheBundleHasUnderUi() {
    String start =
        "{\"id\":\"ui\",\"version\":\"1.0.0\",\"name\":\"U\",\"vendor\":\"V\",\"sdk\":\"[1.0,2)\",";
    ProblemException missing =
        refusal(
            analyticsWith(
                start
                    + "\"frontend\":{\"entry\":\"ui/missing.js\",\"pages\":[{\"path\":\"p\",\"title\":\"P\"}]}}"),
            PluginProblems.MANIFEST_INVALID);
    assertThat(missing.fieldErrors())
        .extracting(FieldError::field)
        .containsExactly("frontend.entry");

    ProblemException outside =
        refusal(
            analyticsWith(
                start
                    + "\"frontend\":{\"entry\":\"META-INF/x.js\",\"pages\":[{\"path\":\"Bad Path\",\"title\":\"\"}]}}"),
            PluginProblems.MANIFEST_INVALID);
    assertThat(outside.fieldErrors())
        .extracting(FieldError::field)
        .contains("frontend.entry", "frontend.pages[0].path", "frontend.pages[0].title");
  }

  @Test
  void everySchemaViolationIsNamedByItsField() {
    ProblemException refused =
        refusal(
            analyticsWith(
                "{\"id\":\"Bad Id\",\"version\":\"1.0\",\"name\":\"\",\"vendor\":\"V\",\"sdk\":\"[1.0,2)\",\"surprise\":1}"),
            PluginProblems.MANIFEST_INVALID);

    assertThat(refused.fieldErrors())
        .extracting(FieldError::field)
        .contains("id", "version", "name", "$");
  }

  @Test
  void rangesPermissionsAndTheConfigSchemaAreChecked() {
    ProblemException refused =
        refusal(
            analyticsWith(
                "{\"id\":\"analytics\",\"version\":\"1.0.0\",\"name\":\"A\",\"vendor\":\"V\","
                    + "\"sdk\":\"[2.0,1.0)\","
                    + "\"permissions\":[{\"name\":\"crm:contacts:read\",\"description\":\"d\"}],"
                    + "\"dependencies\":[{\"id\":\"analytics\",\"version\":\"1.0\"}],"
                    + "\"config\":{\"type\":\"no-such-type\"}}"),
            PluginProblems.MANIFEST_INVALID);

    assertThat(refused.fieldErrors())
        .extracting(FieldError::field)
        .contains("sdk", "permissions[0].name", "dependencies[0].id", "config");
  }

  @Test
  void aJarThatIsNoBundleOrHasNoManifestIsRefused() {
    refusal(TestBundles.jar(Map.of(), Map.of()), PluginProblems.BUNDLE_INVALID);
    refusal(new byte[] {1, 2, 3}, PluginProblems.BUNDLE_INVALID);
    assertThat(
            refusal(
                    TestBundles.jar(Map.of("Bundle-SymbolicName", "x"), Map.of("a.txt", "a")),
                    PluginProblems.MANIFEST_INVALID)
                .getMessage())
        .contains("no META-INF/plexica/plugin.json, so it is no plugin")
        .contains("-conditionalpackage");
    refusal(analyticsWith("{not json"), PluginProblems.MANIFEST_INVALID);
  }

  @Test
  void aBundleBuiltFromAnotherVersionThanItsPluginJsonIsRefused() {
    String json =
        "{\"id\":\"analytics\",\"version\":\"1.2.0\",\"name\":\"A\",\"vendor\":\"V\","
            + "\"sdk\":\"[1.0,2)\"}";
    byte[] built =
        TestBundles.jar(
            Map.of("Bundle-SymbolicName", "x", "Bundle-Version", "1.2.0.SNAPSHOT"),
            Map.of(PluginManifest.LOCATION, json));
    assertThat(READER.read(built).version()).as("a build qualifier aside").isEqualTo("1.2.0");

    for (String other : new String[] {"1.1.0", "1.2.1", "not-a-version"}) {
      ProblemException refused =
          refusal(
              TestBundles.jar(
                  Map.of("Bundle-SymbolicName", "x", "Bundle-Version", other),
                  Map.of(PluginManifest.LOCATION, json)),
              PluginProblems.MANIFEST_INVALID);
      assertThat(refused.getMessage()).contains("1.2.0", other);
      assertThat(refused.fieldErrors()).extracting(FieldError::field).containsExactly("version");
    }
    ProblemException none =
        refusal(
            TestBundles.jar(
                Map.of("Bundle-SymbolicName", "x"), Map.of(PluginManifest.LOCATION, json)),
            PluginProblems.MANIFEST_INVALID);
    assertThat(none.getMessage()).contains("Bundle-Version is none");
  }
}
