package io.plexica.plugincheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;

/**
 * The checks a platform makes before a deploy, run where a vendor's build runs them: without a
 * platform. (The platform's own answers to the same bundles: ManifestReaderTest and
 * PluginDeploymentTest in bundles/core.)
 */
class PluginBundleCheckTest {
  private static final SdkManifest SDK_1_2 =
      new SdkManifest(
          Version.parseVersion("1.2.0"),
          List.of("io.plexica.sdk.route;version=1.1.0", "io.plexica.sdk.event;version=1.2.0"));

  private static byte[] bundle(String bundleVersion, String imports, String pluginJson)
      throws IOException {
    return bundle(bundleVersion, imports, pluginJson, Map.of());
  }

  private static byte[] bundle(
      String bundleVersion, String imports, String pluginJson, Map<String, String> files)
      throws IOException {
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    main.putValue("Bundle-SymbolicName", "com.example.tasks");
    main.putValue("Bundle-Version", bundleVersion);
    main.putValue("Import-Package", imports);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
      if (pluginJson != null) {
        jar.putNextEntry(new ZipEntry(PluginBundleCheck.MANIFEST_LOCATION));
        jar.write(pluginJson.getBytes(StandardCharsets.UTF_8));
        jar.closeEntry();
      }
      for (Map.Entry<String, String> file : files.entrySet()) {
        jar.putNextEntry(new ZipEntry(file.getKey()));
        jar.write(file.getValue().getBytes(StandardCharsets.UTF_8));
        jar.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static String pluginJson(String version, String sdk) {
    return """
        {"id":"tasks","version":"%s","name":"Tasks","vendor":"Example","sdk":"%s",
         "permissions":[{"name":"tasks:read","description":"Read tasks"}]}
        """
        .formatted(version, sdk);
  }

  private static BundleRefusal refusal(Runnable check) {
    try {
      check.run();
    } catch (BundleRefusal refusal) {
      return refusal;
    }
    throw new AssertionError("the bundle was accepted");
  }

  @Test
  void aGoodBundleIsAcceptedWithItsManifestAndPackages() throws IOException {
    byte[] jar =
        bundle(
            "1.0.0.202612031900",
            "io.plexica.sdk.route;version=\"[1.1,2)\",org.apache.commons.lang3;version=\"[3.17,4)\"",
            pluginJson("1.0.0", "[1.1,2)"));

    CheckedPlugin plugin = new PluginBundleCheck().check(jar);
    PluginBundleCheck.checkSdk(plugin, SDK_1_2);

    assertThat(plugin.id()).isEqualTo("tasks");
    assertThat(plugin.version()).isEqualTo("1.0.0");
    assertThat(plugin.packages().imports())
        .containsOnlyKeys("io.plexica.sdk.route", "org.apache.commons.lang3");
  }

  @Test
  void eachRefusalNamesWhatIsWrongAndTheProblemTypeThePlatformAnswers() throws IOException {
    PluginBundleCheck check = new PluginBundleCheck();
    String imports = "io.plexica.sdk.route;version=\"[1.1,2)\"";

    BundleRefusal noJson = refusal(() -> check.check(bundleUnchecked("1.0.0", imports, null)));
    assertThat(noJson.type()).isEqualTo("plugin-manifest-invalid");
    assertThat(noJson.detail()).contains("so it is no plugin", "/api/v1/admin/plugin-libraries");

    BundleRefusal otherVersion =
        refusal(
            () -> check.check(bundleUnchecked("1.0.1", imports, pluginJson("1.0.0", "[1.1,2)"))));
    assertThat(otherVersion.type()).isEqualTo("plugin-manifest-invalid");
    assertThat(otherVersion.findings())
        .containsExactly(new Finding("version", "must be the bundle's Bundle-Version (1.0.1)"));

    BundleRefusal badRange =
        refusal(() -> check.check(bundleUnchecked("1.0.0", imports, pluginJson("1.0.0", "[2,1)"))));
    assertThat(badRange.findings()).extracting(Finding::field).containsExactly("sdk");

    assertThatThrownBy(() -> check.check(new byte[] {1, 2, 3}))
        .isInstanceOfSatisfying(
            BundleRefusal.class, e -> assertThat(e.type()).isEqualTo("plugin-bundle-invalid"));
  }

  @Test
  void aChangelogAndScreenshotsTheBundleHoldsAreAcceptedAMissingOrForeignPictureIsNot() {
    PluginBundleCheck check = new PluginBundleCheck();
    String imports = "io.plexica.sdk.route;version=\"[1.1,2)\"";
    String withPictures =
        """
        {"id":"tasks","version":"1.0.0","name":"Tasks","vendor":"Example","sdk":"[1.1,2)",
         "changelog":"Due dates.","screenshots":["ui/screens/board.png"]}
        """;

    BundleRefusal missing =
        refusal(() -> check.check(bundleUnchecked("1.0.0", imports, withPictures)));
    assertThat(missing.findings())
        .containsExactly(
            new Finding("screenshots[0]", "names no file of the bundle: ui/screens/board.png"));
    BundleRefusal foreign =
        refusal(
            () ->
                check.check(
                    bundleUnchecked(
                        "1.0.0",
                        imports,
                        withPictures.replace("ui/screens/board.png", "META-INF/MANIFEST.MF"))));
    assertThat(foreign.findings()).extracting(Finding::field).containsExactly("screenshots[0]");
    assertThat(
            check
                .check(
                    bundleUnchecked(
                        "1.0.0", imports, withPictures, Map.of("ui/screens/board.png", "PNG")))
                .manifest()
                .path("changelog")
                .asText())
        .isEqualTo("Due dates.");
  }

  @Test
  void aPluginIsCheckedAgainstTheSdkItRunsOnByRangeAndByThePackagesItImports() throws IOException {
    PluginBundleCheck check = new PluginBundleCheck();
    CheckedPlugin wantsSdk2 =
        check.check(
            bundle(
                "1.0.0", "io.plexica.sdk.route;version=\"[1.1,2)\"", pluginJson("1.0.0", "[2,3)")));
    BundleRefusal range = refusal(() -> PluginBundleCheck.checkSdk(wantsSdk2, SDK_1_2));
    assertThat(range.type()).isEqualTo("plugin-sdk-incompatible");
    assertThat(range.detail())
        .isEqualTo("Plugin 'tasks' needs SDK [2,3); this platform provides 1.2.0.");

    // Declares [1.1,2) but was compiled against a newer route package than 1.2.0 has.
    CheckedPlugin builtNewer =
        check.check(
            bundle(
                "1.0.0",
                "io.plexica.sdk.route;version=\"[1.3,2)\",io.plexica.sdk.nothing,io.plexica.samples.crm.api,"
                    + "io.plexica.sdk.maybe;resolution:=optional",
                pluginJson("1.0.0", "[1.1,2)")));
    BundleRefusal imports = refusal(() -> PluginBundleCheck.checkSdk(builtNewer, SDK_1_2));
    assertThat(imports.type()).isEqualTo("plugin-sdk-incompatible");
    assertThat(imports.findings())
        .extracting(Finding::message)
        .containsExactly(
            "io.plexica.sdk.nothing 0.0.0 is no package of SDK 1.2.0",
            "io.plexica.sdk.route [1.3.0,2.0.0): SDK 1.2.0 exports 1.1.0");
  }

  private static byte[] bundleUnchecked(String version, String imports, String json) {
    return bundleUnchecked(version, imports, json, Map.of());
  }

  private static byte[] bundleUnchecked(
      String version, String imports, String json, Map<String, String> files) {
    try {
      return bundle(version, imports, json, files);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
