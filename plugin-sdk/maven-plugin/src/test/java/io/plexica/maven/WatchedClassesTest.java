package io.plexica.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What plexica:watch sends: the compiled classes as the bundle the jar plugin would make. */
class WatchedClassesTest {

  @Test
  void theClassesFolderBecomesABundleWithBndsManifest(@TempDir Path classes) throws Exception {
    Files.createDirectories(classes.resolve("META-INF/plexica"));
    Files.createDirectories(classes.resolve("com/example"));
    Files.writeString(
        classes.resolve("META-INF/MANIFEST.MF"),
        "Manifest-Version: 1.0\r\nBundle-SymbolicName: com.example.tasks\r\n"
            + "Bundle-Version: 1.0.0\r\n\r\n");
    Files.writeString(classes.resolve("META-INF/plexica/plugin.json"), "{}");
    Files.write(classes.resolve("com/example/Items.class"), new byte[] {1, 2});

    try (JarInputStream jar =
        new JarInputStream(new ByteArrayInputStream(WatchMojo.jar(classes)))) {
      assertThat(jar.getManifest().getMainAttributes().getValue("Bundle-SymbolicName"))
          .isEqualTo("com.example.tasks");
      List<String> names = new ArrayList<>();
      for (JarEntry entry = jar.getNextJarEntry(); entry != null; entry = jar.getNextJarEntry()) {
        names.add(entry.getName());
      }
      assertThat(names).containsExactly("META-INF/plexica/plugin.json", "com/example/Items.class");
    }
  }

  @Test
  void aBuildCountsOnceBndWroteItsManifestAfterEveryOtherFile(@TempDir Path classes)
      throws Exception {
    assertThat(WatchMojo.builtAt(classes)).as("nothing built").isZero();
    Files.createDirectories(classes.resolve("META-INF"));
    Path manifest = Files.writeString(classes.resolve("META-INF/MANIFEST.MF"), "x");
    Path items = Files.write(classes.resolve("Items.class"), new byte[] {1});
    Files.setLastModifiedTime(items, FileTime.fromMillis(1_000_000));
    Files.setLastModifiedTime(manifest, FileTime.fromMillis(1_000_500));
    assertThat(WatchMojo.builtAt(classes)).isEqualTo(1_000_500);

    Files.setLastModifiedTime(items, FileTime.fromMillis(2_000_000));
    assertThat(WatchMojo.builtAt(classes)).as("compiled, bnd not yet run").isZero();

    Files.setLastModifiedTime(manifest, FileTime.fromMillis(2_000_100));
    assertThat(WatchMojo.builtAt(classes)).isEqualTo(2_000_100);
  }
}
