package io.plexica.tenancy.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * Flyway migrations listed in an {@code index.txt} beside them, instead of found by scanning the
 * class path: Flyway cannot list directories inside Liberty's {@code wsjar:} archives, and an index
 * also makes the set of migrations explicit. A unit test keeps each index equal to its folder.
 */
final class IndexedMigrations implements ResourceProvider {
  private static final Pattern VERSIONED = Pattern.compile("^V(\\d+)__.+\\.sql$");

  private final ClassLoader classLoader;
  private final String folder;
  private final List<String> files;

  IndexedMigrations(ClassLoader classLoader, String folder) {
    this.classLoader = classLoader;
    this.folder = folder;
    this.files = readIndex(classLoader, folder);
  }

  static List<String> readIndex(ClassLoader classLoader, String folder) {
    String index = folder + "/index.txt";
    try (InputStream in = classLoader.getResourceAsStream(index)) {
      if (in == null) {
        throw new FlywayException("Migration index " + index + " is missing");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + index, e);
    }
  }

  /** The highest version listed, as in {@code V12__name.sql}; 0 when none is. */
  int newestVersion() {
    return files.stream()
        .map(VERSIONED::matcher)
        .filter(Matcher::matches)
        .mapToInt(m -> Integer.parseInt(m.group(1)))
        .max()
        .orElse(0);
  }

  @Override
  public LoadableResource getResource(String name) {
    String file = name.contains("/") ? name.substring(name.lastIndexOf('/') + 1) : name;
    return files.contains(file) ? new Migration(file) : null;
  }

  @Override
  public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
    return files.stream()
        .filter(f -> f.startsWith(prefix) && Arrays.stream(suffixes).anyMatch(f::endsWith))
        .map(f -> (LoadableResource) new Migration(f))
        .toList();
  }

  private final class Migration extends LoadableResource {
    private final String file;

    Migration(String file) {
      this.file = file;
    }

    @Override
    public Reader read() {
      InputStream in = classLoader.getResourceAsStream(getAbsolutePath());
      if (in == null) {
        throw new FlywayException("Migration " + getAbsolutePath() + " is listed but missing");
      }
      return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    @Override
    public String getAbsolutePath() {
      return folder + "/" + file;
    }

    @Override
    public String getAbsolutePathOnDisk() {
      return getAbsolutePath();
    }

    @Override
    public String getFilename() {
      return file;
    }

    @Override
    public String getRelativePath() {
      return file;
    }
  }
}
