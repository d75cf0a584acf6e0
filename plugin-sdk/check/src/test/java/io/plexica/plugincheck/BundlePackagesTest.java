package io.plexica.plugincheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.jar.Attributes;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/**
 * A bundle's exported and imported packages, read as bnd writes them, and what an upgrade breaks.
 */
class BundlePackagesTest {

  private static BundlePackages of(String exports, String imports) {
    Attributes main = new Attributes();
    if (exports != null) {
      main.putValue("Export-Package", exports);
    }
    if (imports != null) {
      main.putValue("Import-Package", imports);
    }
    return BundlePackages.of(main);
  }

  @Test
  void headersAreReadWithTheirVersionsQuotedListsAndSharedClauses() {
    BundlePackages crm =
        of(
            "io.plexica.samples.crm.api;version=\"1.1.0\";uses:=\"io.plexica.sdk,io.plexica.sdk"
                + ".service\",a.b;c.d;version=2.0",
            "io.plexica.samples.crm.api;version=\"[1.1,1.2)\",java.util,io.plexica.sdk;version=\"[1.1,2)\"");
    assertThat(crm.exports())
        .containsEntry("io.plexica.samples.crm.api", new Version(1, 1, 0))
        .containsEntry("a.b", new Version(2, 0, 0))
        .containsEntry("c.d", new Version(2, 0, 0))
        .hasSize(3);
    assertThat(crm.imports())
        .containsEntry("io.plexica.samples.crm.api", new VersionRange("[1.1,1.2)"))
        .containsEntry("java.util", BundlePackages.ANY)
        .hasSize(3);
  }

  @Test
  void anImportOutsideWhatTheProviderExportsOrNoLongerExportedIsUnmet() {
    BundlePackages newsletter =
        of(null, "io.plexica.samples.crm.api;version=\"[1.0,2)\",java.util");
    BundlePackages crm11 = of("io.plexica.samples.crm.api;version=\"1.0.0\"", null);
    BundlePackages crm12 = of("io.plexica.samples.crm.api;version=\"1.1.0\"", null);
    BundlePackages crm2 = of("io.plexica.samples.crm.api;version=\"2.0.0\"", null);
    BundlePackages withoutApi = of("io.plexica.samples.crm.other;version=\"1.0.0\"", null);

    assertThat(newsletter.unmetBy("crm", crm12, crm11)).isEmpty();
    assertThat(newsletter.unmetBy("crm", crm2, crm11))
        .containsExactly("io.plexica.samples.crm.api [1.0.0,2.0.0) (crm exports 2.0.0)");
    assertThat(newsletter.unmetBy("crm", withoutApi, crm11))
        .containsExactly("io.plexica.samples.crm.api [1.0.0,2.0.0) (crm no longer exports it)");
    assertThat(newsletter.unmetBy("crm", withoutApi, BundlePackages.NONE))
        .as("a package crm never exported is not crm's to meet")
        .isEmpty();
  }
}
