package io.plexica.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Plugin bundles for tests: the sample plugins as built, and variants made from them. */
public final class TestBundles {
  private TestBundles() {}

  /** A sample plugin's jar, copied to {@code target/test-bundles} by the build. */
  public static byte[] sample(String name) {
    try {
      return Files.readAllBytes(Path.of("target/test-bundles", name + ".jar"));
    } catch (IOException e) {
      throw new IllegalStateException("Sample plugin " + name + " was not built", e);
    }
  }

  /**
   * A copy of {@code bundle} with some entries replaced (or added), e.g. another plugin.json, whose
   * version then becomes the bundle's Bundle-Version too, as a build would make it.
   */
  public static byte[] withEntries(byte[] bundle, Map<String, String> replacements) {
    try (JarInputStream in = new JarInputStream(new java.io.ByteArrayInputStream(bundle));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
      Manifest manifest = in.getManifest();
      String pluginJson = replacements.get("META-INF/plexica/plugin.json");
      if (pluginJson != null) {
        versionOf(pluginJson)
            .ifPresent(v -> manifest.getMainAttributes().putValue("Bundle-Version", v));
      }
      try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
        for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
          if (replacements.containsKey(entry.getName())) {
            continue;
          }
          out.putNextEntry(new JarEntry(entry.getName()));
          in.transferTo(out);
          out.closeEntry();
        }
        for (Map.Entry<String, String> replacement : replacements.entrySet()) {
          out.putNextEntry(new JarEntry(replacement.getKey()));
          out.write(replacement.getValue().getBytes(StandardCharsets.UTF_8));
          out.closeEntry();
        }
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A copy of the jar with one more entry stored uncompressed, so that its bytes stand in the jar
   * as they are (a test can then change one of them in place).
   */
  public static byte[] withStoredEntry(byte[] jar, String name, byte[] content) {
    try (JarInputStream in = new JarInputStream(new java.io.ByteArrayInputStream(jar));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
      try (JarOutputStream out = new JarOutputStream(bytes, in.getManifest())) {
        for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
          // An entry stored before stays stored (its size and CRC are in its header).
          out.putNextEntry(
              entry.getMethod() == JarEntry.STORED
                  ? new JarEntry(entry)
                  : new JarEntry(entry.getName()));
          in.transferTo(out);
          out.closeEntry();
        }
        JarEntry stored = new JarEntry(name);
        stored.setMethod(JarEntry.STORED);
        stored.setSize(content.length);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(content);
        stored.setCrc(crc.getValue());
        out.putNextEntry(stored);
        out.write(content);
        out.closeEntry();
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A copy of the jar with one bit of one byte changed where {@code content} (an entry stored
   * uncompressed) stands in it, and the entry's CRC-32 in its headers made to fit: the jar stays a
   * valid zip, as one changed by someone who knows the format.
   */
  public static byte[] withOneByteChanged(byte[] jar, byte[] content) {
    int at = indexOf(jar, content, 0);
    if (at < 0) {
      throw new IllegalArgumentException("The content does not stand in the jar as it is");
    }
    byte[] changed = jar.clone();
    changed[at + content.length / 2] ^= 1;
    byte[] oldCrc = crc32(jar, at, content.length);
    byte[] newCrc = crc32(changed, at, content.length);
    int found = 0;
    for (int i = indexOf(changed, oldCrc, 0); i >= 0; i = indexOf(changed, oldCrc, i + 4)) {
      System.arraycopy(newCrc, 0, changed, i, 4);
      found++;
    }
    if (found != 2) {
      throw new IllegalStateException("Expected the CRC in the local and central headers only");
    }
    return changed;
  }

  private static byte[] crc32(byte[] bytes, int offset, int length) {
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(bytes, offset, length);
    long value = crc.getValue();
    return new byte[] {
      (byte) value, (byte) (value >> 8), (byte) (value >> 16), (byte) (value >> 24)
    };
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    for (int i = from; i + needle.length <= haystack.length; i++) {
      if (java.util.Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    return -1;
  }

  /** The bytes of one entry of a jar. */
  public static byte[] entry(byte[] jar, String name) {
    try (JarInputStream in = new JarInputStream(new java.io.ByteArrayInputStream(jar))) {
      for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
        if (entry.getName().equals(name)) {
          return in.readAllBytes();
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    throw new IllegalArgumentException("No " + name + " in the jar");
  }

  /** A jar with only a manifest of these main attributes and the given entries. */
  public static byte[] jar(Map<String, String> headers, Map<String, String> entries) {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    headers.forEach((k, v) -> manifest.getMainAttributes().putValue(k, v));
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
      try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
        for (Map.Entry<String, String> entry : entries.entrySet()) {
          out.putNextEntry(new JarEntry(entry.getKey()));
          out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
          out.closeEntry();
        }
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A code-less plugin bundle: plugin.json with the id, version, name "T", vendor "Tests" and SDK
   * [1.0,2), ended by {@code more} (such as {@code ,"dependencies":[...]}); {@code headers} join
   * its jar manifest's (an Import-Package, say).
   */
  public static byte[] plugin(String id, String version, String more, Map<String, String> headers) {
    Map<String, String> all = new java.util.HashMap<>(headers);
    all.put("Bundle-ManifestVersion", "2");
    all.put("Bundle-SymbolicName", "io.plexica.test." + id);
    all.put("Bundle-Version", version);
    return jar(
        all,
        Map.of(
            "META-INF/plexica/plugin.json",
            "{\"id\":\""
                + id
                + "\",\"version\":\""
                + version
                + "\",\"name\":\"T\",\"vendor\":\"Tests\",\"sdk\":\"[1.0,2)\""
                + more
                + "}"));
  }

  /**
   * A code-less library bundle (no plugin.json); {@code exports} and {@code imports} as the headers
   * take them, either left out when null.
   */
  public static byte[] library(String name, String version, String exports, String imports) {
    Map<String, String> headers = new java.util.HashMap<>();
    headers.put("Bundle-ManifestVersion", "2");
    headers.put("Bundle-SymbolicName", name);
    headers.put("Bundle-Version", version);
    if (exports != null) {
      headers.put("Export-Package", exports);
    }
    if (imports != null) {
      headers.put("Import-Package", imports);
    }
    return jar(headers, Map.of());
  }

  /** The top-level {@code version} of a plugin.json (the first one in the text). */
  public static java.util.Optional<String> versionOf(String pluginJson) {
    java.util.regex.Matcher matcher =
        java.util.regex.Pattern.compile("\"version\"\\s*:\\s*\"([0-9]+\\.[0-9]+\\.[0-9]+)\"")
            .matcher(pluginJson);
    return matcher.find() ? java.util.Optional.of(matcher.group(1)) : java.util.Optional.empty();
  }
}
