package io.plexica.plugincheck;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads entries of an uploaded bundle without trusting what it says of its sizes: every entry is
 * inflated in a bounded stream, and what all entries read inflate to is bounded by a size and by a
 * ratio to the bundle's own size, so a small upload can never inflate to gigabytes (a zip bomb).
 * {@link java.util.jar.JarInputStream} is not used: it inflates {@code META-INF/MANIFEST.MF} whole
 * before anyone can set a limit.
 */
public final class BundleEntries {
  /** The jar manifest of a bundle: headers only, never near this. */
  public static final int MAX_JAR_MANIFEST_BYTES = 512 * 1024;

  /** What the entries read from one bundle may inflate to, per compressed byte, at most. */
  public static final int MAX_RATIO = 100;

  /** Below this, the ratio is not checked: tiny bundles of text compress well and harm nobody. */
  private static final long RATIO_FLOOR_BYTES = 1024 * 1024;

  /** A plugin's web UI ({@code ui/}) in all. */
  public static final int MAX_UI_BYTES = 8 * 1024 * 1024;

  /** One migration script, and all of a bundle's scripts. */
  public static final int MAX_MIGRATION_BYTES = 1024 * 1024;

  public static final int MAX_MIGRATIONS_BYTES = 4 * 1024 * 1024;

  /** The folder of a plugin's web UI in its bundle. */
  public static final String UI_FOLDER = "ui/";

  private BundleEntries() {}

  /** The files of the bundle's {@code ui/} folder, by their path below it. */
  public static Map<String, byte[]> uiFiles(byte[] bundle) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    read(bundle, n -> n.startsWith(UI_FOLDER), MAX_UI_BYTES, MAX_UI_BYTES, "the ui/ folder")
        .forEach((name, content) -> files.put(name.substring(UI_FOLDER.length()), content));
    return files;
  }

  /** The migration scripts in {@code folder} whose file names are {@code wanted}, by file name. */
  public static Map<String, byte[]> migrationScripts(
      byte[] bundle, String folder, Predicate<String> wanted) {
    String prefix = folder.endsWith("/") ? folder : folder + "/";
    Map<String, byte[]> scripts = new LinkedHashMap<>();
    read(
            bundle,
            n -> n.startsWith(prefix) && wanted.test(n.substring(prefix.length())),
            MAX_MIGRATION_BYTES,
            MAX_MIGRATIONS_BYTES,
            "the migrations")
        .forEach((name, content) -> scripts.put(name.substring(prefix.length()), content));
    return scripts;
  }

  /** The bundle's jar manifest, or null when it has none; refused when it is oversized. */
  public static Manifest jarManifest(byte[] bundle) {
    Map<String, byte[]> entries =
        read(
            bundle,
            "META-INF/MANIFEST.MF"::equalsIgnoreCase,
            MAX_JAR_MANIFEST_BYTES,
            MAX_JAR_MANIFEST_BYTES,
            "the jar manifest");
    if (entries.isEmpty()) {
      return null;
    }
    try {
      return new Manifest(new ByteArrayInputStream(entries.values().iterator().next()));
    } catch (IOException e) {
      throw invalid("its jar manifest cannot be read: " + e.getMessage());
    }
  }

  /** Whether the bundle has an entry of that name; nothing is inflated. */
  public static boolean contains(byte[] bundle, String name) {
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bundle))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        if (entry.getName().equals(name)) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The content of the wanted entries (directories skipped), by name, in bundle order; refused
   * ({@link BundleRefusal.Kind#BUNDLE}) when one is over {@code maxEntryBytes}, all of them over
   * {@code maxTotalBytes}, or over {@link #MAX_RATIO} times the bundle's size.
   */
  public static Map<String, byte[]> read(
      byte[] bundle, Predicate<String> wanted, int maxEntryBytes, long maxTotalBytes, String what) {
    long ratioLimit = ratioLimit(bundle.length);
    long total = 0;
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bundle))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        if (entry.isDirectory() || !wanted.test(entry.getName())) {
          continue;
        }
        byte[] content = bounded(zip, maxEntryBytes);
        if (content == null) {
          throw invalid(what + ": " + entry.getName() + " inflates to over " + kib(maxEntryBytes));
        }
        total += content.length;
        if (total > maxTotalBytes) {
          throw invalid(what + " inflates to over " + kib(maxTotalBytes) + " in all");
        }
        if (total > ratioLimit) {
          throw invalid(what + " inflates to over " + MAX_RATIO + " times the size of the bundle");
        }
        entries.put(entry.getName(), content);
      }
    } catch (IOException e) {
      throw invalid("it is not a readable jar: " + e.getMessage());
    }
    return entries;
  }

  /** What all entries read from a bundle of {@code size} bytes may inflate to, at most. */
  static long ratioLimit(long size) {
    return Math.max(RATIO_FLOOR_BYTES, size * MAX_RATIO);
  }

  /** At most {@code max} bytes of the stream; null when there are more. */
  private static byte[] bounded(InputStream in, int max) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    long read = 0;
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      read += n;
      if (read > max) {
        return null;
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  private static String kib(long bytes) {
    return (bytes / 1024) + " KiB";
  }

  private static BundleRefusal invalid(String why) {
    return new BundleRefusal(BundleRefusal.Kind.BUNDLE, "The bundle was refused: " + why + ".");
  }
}
