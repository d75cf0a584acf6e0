package io.plexica.incontainer;

import io.plexica.testing.Await;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.assertj.core.api.Assertions;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The archive Arquillian deploys: the platform's EAR exactly as the build made it, with this
 * package's test classes (the tests, their helpers, the test-only request filters) and the sample
 * bundles they install added to its one web module, so the tests live in the application's class
 * loader, CDI container and JAX-RS application. Named apart from the {@code plexica} application of
 * the server configuration.
 */
final class PlatformDeployment {
  static final String NOTES_BUNDLE = "/incontainer/notes.jar";

  private static final String WEB_MODULE = "plexica-api.war";

  private PlatformDeployment() {}

  static EnterpriseArchive withTests() {
    File ear = new File(System.getProperty("incontainer.ear", "target/plexica.ear"));
    File bundles = new File(System.getProperty("incontainer.bundles", "target/test-bundles"));
    EnterpriseArchive archive =
        ShrinkWrap.create(EnterpriseArchive.class, "plexica-incontainer.ear")
            .merge(ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear));
    WebArchive web =
        webModule(ear)
            .addPackage(PlatformDeployment.class.getPackage())
            .addClass(Await.class)
            .addAsLibrary(jarOf(Assertions.class))
            .addAsResource(new File(bundles, "notes.jar"), NOTES_BUNDLE.substring(1));
    archive.delete(WEB_MODULE);
    return archive.addAsModule(web);
  }

  /** The jar a library the tests use inside the server was loaded from on this side. */
  private static File jarOf(Class<?> type) {
    try {
      return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("No jar for " + type, e);
    }
  }

  private static WebArchive webModule(File ear) {
    try (ZipFile zip = new ZipFile(ear)) {
      ZipEntry entry = zip.getEntry(WEB_MODULE);
      if (entry == null) {
        throw new IllegalStateException(ear + " has no " + WEB_MODULE);
      }
      try (InputStream in = zip.getInputStream(entry)) {
        return ShrinkWrap.create(ZipImporter.class, WEB_MODULE).importFrom(in).as(WebArchive.class);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + ear, e);
    }
  }
}
