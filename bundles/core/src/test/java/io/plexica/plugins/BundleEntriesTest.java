package io.plexica.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plexica.plugincheck.BundleEntries;
import io.plexica.plugincheck.BundleRefusal;
import io.plexica.plugins.domain.PluginProblems;
import io.plexica.plugins.infra.ManifestReader;
import io.plexica.shared.problem.ProblemException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Small uploads that would inflate to a lot are refused before they are inflated. */
class BundleEntriesTest {

  /** A jar whose entry {@code name} inflates to {@code size} bytes of one letter. */
  static byte[] jarWith(String name, int size) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      if (!name.equals("META-INF/MANIFEST.MF")) {
        zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
        zip.write(
            "Manifest-Version: 1.0\r\nBundle-SymbolicName: bomb\r\n\r\n"
                .getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
      zip.putNextEntry(new ZipEntry(name));
      byte[] chunk = new byte[1024 * 1024];
      java.util.Arrays.fill(chunk, (byte) 'a');
      for (int written = 0; written < size; written += chunk.length) {
        zip.write(chunk, 0, Math.min(chunk.length, size - written));
      }
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }

  private static void assertRefused(Runnable read, String why) {
    // The check's own refusal, or the platform's problem made of it: one type, the same words.
    assertThatThrownBy(read::run)
        .satisfies(
            e -> {
              assertThat(
                      e instanceof BundleRefusal refusal
                          ? refusal.type()
                          : ((ProblemException) e).type().slug())
                  .isEqualTo(PluginProblems.BUNDLE_INVALID.slug());
              assertThat(e.getMessage()).contains(why);
            });
  }

  @Test
  void aJarManifestThatInflatesToMegabytesIsRefused() throws IOException {
    byte[] bomb = jarWith("META-INF/MANIFEST.MF", 96 * 1024 * 1024);
    assertThat(bomb.length).as("the upload is small").isLessThan(200 * 1024);

    assertRefused(() -> BundleEntries.jarManifest(bomb), "over 512 KiB");
    assertRefused(() -> new ManifestReader().read(bomb), "over 512 KiB");
  }

  @Test
  void entriesInflatingFarPastTheBundlesSizeAreRefused() throws IOException {
    byte[] ui = jarWith("ui/app.js", 2 * 1024 * 1024);
    byte[] migrations = jarWith("db/V1__x.sql", 3 * 1024 * 1024);

    assertRefused(() -> BundleEntries.uiFiles(ui), "100 times the size of the bundle");
    assertRefused(
        () -> BundleEntries.migrationScripts(migrations, "db", f -> true), "over 1024 KiB");
  }

  @Test
  void ordinaryEntriesAreRead() throws IOException {
    byte[] bundle = jarWith("ui/app.js", 10_000);

    assertThat(BundleEntries.uiFiles(bundle)).containsOnlyKeys("app.js");
    assertThat(BundleEntries.uiFiles(bundle).get("app.js")).hasSize(10_000);
    assertThat(
            BundleEntries.jarManifest(bundle).getMainAttributes().getValue("Bundle-SymbolicName"))
        .isEqualTo("bomb");
    assertThat(BundleEntries.contains(bundle, "ui/app.js")).isTrue();
  }
}
