package io.plexica.plugins.infra;

import io.plexica.plugins.domain.LibraryStore;
import io.plexica.plugins.domain.PluginLibrary;
import io.plexica.plugins.domain.PluginProblems;
import io.plexica.shared.events.DomainEvent;
import io.plexica.shared.persistence.Database;
import io.plexica.shared.persistence.EventOutbox;
import io.plexica.shared.problem.ProblemException;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.osgi.framework.Version;

/** The library bundles in {@code plexica_core.plugin_library}; bundles as {@code bytea}. */
public class JpaLibraryStore implements LibraryStore {
  private final Database database;

  public JpaLibraryStore(Database database) {
    this.database = database;
  }

  @Override
  public List<PluginLibrary> list() {
    return database.readCore(
        em ->
            rows(
                    em.createNativeQuery(
                        "SELECT symbolic_name, version, exports, sha256, size_bytes, source,"
                            + " added_at FROM plexica_core.plugin_library"
                            + " ORDER BY added_at, symbolic_name, version"))
                .stream()
                .map(Object[].class::cast)
                .map(
                    row ->
                        new PluginLibrary(
                            (String) row[0],
                            (String) row[1],
                            exports((String) row[2]),
                            ((String) row[3]).strip(),
                            ((Number) row[4]).intValue(),
                            (String) row[5],
                            instant(row[6])))
                .toList());
  }

  @Override
  public Optional<byte[]> bundle(String symbolicName, String version) {
    return database.readCore(
        em ->
            rows(
                    em.createNativeQuery(
                            "SELECT bundle FROM plexica_core.plugin_library"
                                + " WHERE symbolic_name = ?1 AND version = ?2")
                        .setParameter(1, symbolicName)
                        .setParameter(2, version))
                .stream()
                .findFirst()
                .map(byte[].class::cast));
  }

  @Override
  public void add(PluginLibrary library, byte[] bundle, List<DomainEvent> events) {
    database.inCoreDo(
        em -> {
          int added =
              em.createNativeQuery(
                      "INSERT INTO plexica_core.plugin_library (symbolic_name, version, exports,"
                          + " bundle, sha256, size_bytes, source, added_at)"
                          + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT DO NOTHING")
                  .setParameter(1, library.symbolicName())
                  .setParameter(2, library.version())
                  .setParameter(3, exportsText(library.exports()))
                  .setParameter(4, bundle)
                  .setParameter(5, library.sha256())
                  .setParameter(6, library.sizeBytes())
                  .setParameter(7, library.source())
                  .setParameter(
                      8,
                      OffsetDateTime.ofInstant(
                          library.addedAt().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC))
                  .executeUpdate();
          if (added == 0) {
            throw new ProblemException(
                PluginProblems.LIBRARY_VERSION_EXISTS,
                "Library " + library.label() + " is there already.");
          }
          Instant now = Instant.now();
          events.forEach(event -> EventOutbox.append(em, event, now));
        });
  }

  @Override
  public void delete(String symbolicName, String version, List<DomainEvent> events) {
    database.inCoreDo(
        em -> {
          int deleted =
              em.createNativeQuery(
                      "DELETE FROM plexica_core.plugin_library"
                          + " WHERE symbolic_name = ?1 AND version = ?2")
                  .setParameter(1, symbolicName)
                  .setParameter(2, version)
                  .executeUpdate();
          if (deleted > 0) {
            Instant now = Instant.now();
            events.forEach(event -> EventOutbox.append(em, event, now));
          }
        });
  }

  /** One {@code package version} per line. */
  static String exportsText(Map<String, Version> exports) {
    return exports.entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining("\n"));
  }

  static Map<String, Version> exports(String text) {
    Map<String, Version> exports = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      String[] parts = line.strip().split(" ", 2);
      if (!parts[0].isEmpty()) {
        exports.put(parts[0], Version.parseVersion(parts.length > 1 ? parts[1] : "0"));
      }
    }
    return exports;
  }

  private static Instant instant(Object value) {
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof OffsetDateTime dateTime) {
      return dateTime.toInstant();
    }
    return Instant.parse(String.valueOf(value));
  }

  /** A native query's rows; JPA types them only as a raw list. */
  @SuppressWarnings("unchecked")
  private static List<Object> rows(Query query) {
    return query.getResultList();
  }
}
