package io.plexica.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every migration file is listed in its folder's index, in version order, and nothing else is. */
class MigrationIndexTest {

  @ParameterizedTest
  @ValueSource(strings = {"db/core", "db/tenant", "db/cluster"})
  void indexListsExactlyTheMigrations(String folder) throws IOException {
    Path dir = Path.of("src/main/resources", folder);
    List<String> indexed =
        Files.readAllLines(dir.resolve("index.txt")).stream()
            .map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
            .toList();
    List<String> present;
    try (Stream<Path> files = Files.list(dir)) {
      present =
          files
              .map(p -> p.getFileName().toString())
              .filter(f -> f.endsWith(".sql"))
              .sorted()
              .toList();
    }
    assertThat(indexed).containsExactlyInAnyOrderElementsOf(present);
    assertThat(indexed).allMatch(f -> f.matches("V\\d+__[a-z0-9_]+\\.sql"));
  }
}
