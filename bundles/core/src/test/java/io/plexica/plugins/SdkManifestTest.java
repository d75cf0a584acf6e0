package io.plexica.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.plexica.plugincheck.SdkManifest;
import io.plexica.plugins.infra.FelixHost;
import java.util.List;
import java.util.jar.Attributes;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;

/** The SDK's versions come from its own manifest, the one place its build writes them. */
class SdkManifestTest {

  @Test
  void theReleaseAndTheExportsAreReadFromTheSdkJarOnTheClassPath() {
    SdkManifest sdk = SdkManifest.CURRENT;
    assertThat(sdk.release().toString())
        .as("the SDK's pom version, without its build qualifier")
        .isEqualTo(System.getProperty("plexica.sdk.version").replace("-SNAPSHOT", ""));
    assertThat(sdk.exports())
        .extracting(export -> export.substring(0, export.indexOf(';')))
        .containsExactlyInAnyOrder(
            "io.plexica.sdk",
            "io.plexica.sdk.route",
            "io.plexica.sdk.hook",
            "io.plexica.sdk.data",
            "io.plexica.sdk.files",
            "io.plexica.sdk.event",
            "io.plexica.sdk.service");
    assertThat(FelixHost.EXPORTED_PACKAGES.split(","))
        .as("the host exports every SDK package at its declared version")
        .contains(sdk.exports().toArray(String[]::new));
  }

  @Test
  void quotedListsInsideAClauseDoNotSplitIt() {
    Attributes main = new Attributes();
    main.putValue("Bundle-Version", "2.3.4.SNAPSHOT");
    main.putValue(
        "Export-Package",
        "a.b;version=\"1.2.0\";uses:=\"x.y,z\",a.c;uses:=\"a.b\";version=\"3.0.0\",a.d");
    SdkManifest sdk = SdkManifest.of(main);
    assertThat(sdk.release()).isEqualTo(new Version(2, 3, 4));
    assertThat(sdk.exports())
        .isEqualTo(List.of("a.b;version=1.2.0", "a.c;version=3.0.0", "a.d;version=0.0.0"));
  }
}
