package io.plexica.tenancy.infra;

import io.plexica.tenancy.app.TenantSchemas;
import io.plexica.tenancy.app.TenantSchemas.Copied;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyOut;

/**
 * Moves the rows of a schema into the same schema, already migrated, on another cluster, in one
 * transaction on each side: the source's tables are locked against writes (reads go on) while their
 * rows stream with {@code COPY}, and the source schema is dropped in the locking transaction. Its
 * commit is the move's point of no return: before it the source is whole and unlocked again after a
 * failure; after it only the target holds the data.
 */
final class SchemaCopy {
  private final Connection source;
  private final Connection target;
  private final String schema;

  SchemaCopy(Connection source, Connection target, String schema) {
    this.source = source;
    this.target = target;
    this.schema = schema;
  }

  Copied run(TenantSchemas.Progress progress) throws SQLException {
    source.setAutoCommit(false);
    target.setAutoCommit(false);
    try {
      List<String> tables = inReferenceOrder(tables(source));
      Set<String> missing = new TreeSet<>(tables);
      missing.removeAll(tables(target));
      if (!missing.isEmpty()) {
        throw new IllegalStateException(
            "The target has no table "
                + String.join(", ", missing)
                + " (tables a plugin left behind when it was uninstalled? Purge them first)");
      }
      String all = tables.stream().map(this::qualified).collect(Collectors.joining(", "));
      try (Statement lock = source.createStatement();
          Statement empty = target.createStatement()) {
        // EXCLUSIVE: readers go on, writers wait for the end of the move.
        lock.execute("LOCK TABLE " + all + " IN EXCLUSIVE MODE");
        // What the target's migrations wrote (their history, seeded rows) gives way to the
        // source's.
        empty.execute("TRUNCATE " + all);
      }
      long rows = 0;
      int done = 0;
      for (String table : tables) {
        rows += copy(table);
        progress.copied(++done, tables.size(), rows);
      }
      copySequences();
      target.commit();
      // The plugin installations' logins stay, with no right left on this cluster: connections
      // pooled for them would break if a role of the same name were made again (a move back).
      try (Statement drop = source.createStatement()) {
        drop.execute("DROP SCHEMA " + quoted(schema) + " CASCADE");
      }
      source.commit();
      return new Copied(tables.size(), rows);
    } catch (SQLException | RuntimeException e) {
      source.rollback();
      target.rollback();
      throw e;
    }
  }

  private long copy(String table) throws SQLException {
    String columns =
        columns(table).stream().map(SchemaCopy::quoted).collect(Collectors.joining(", "));
    String relation = qualified(table) + " (" + columns + ")";
    CopyOut out =
        source.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY " + relation + " TO STDOUT");
    CopyIn in = null;
    try {
      in =
          target.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + relation + " FROM STDIN");
      byte[] chunk;
      while ((chunk = out.readFromCopy()) != null) {
        in.writeToCopy(chunk, 0, chunk.length);
      }
      return in.endCopy();
    } finally {
      if (out.isActive()) {
        out.cancelCopy();
      }
      if (in != null && in.isActive()) {
        in.cancelCopy();
      }
    }
  }

  /** Sequences go on from where the source's are, so new rows never reuse a copied key. */
  private void copySequences() throws SQLException {
    Map<String, Long> values = new HashMap<>();
    try (PreparedStatement query =
        source.prepareStatement(
            "SELECT sequencename, last_value FROM pg_sequences"
                + " WHERE schemaname = ? AND last_value IS NOT NULL")) {
      query.setString(1, schema);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          values.put(rows.getString(1), rows.getLong(2));
        }
      }
    }
    for (Map.Entry<String, Long> sequence : values.entrySet()) {
      try (PreparedStatement set = target.prepareStatement("SELECT setval(?::regclass, ?, true)")) {
        set.setString(1, qualified(sequence.getKey()));
        set.setLong(2, sequence.getValue());
        set.execute();
      }
    }
  }

  private Set<String> tables(Connection connection) throws SQLException {
    Set<String> names = new LinkedHashSet<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND NOT c.relispartition"
                + " ORDER BY c.relname")) {
      query.setString(1, schema);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          names.add(rows.getString(1));
        }
      }
    }
    return names;
  }

  /** Referenced tables before the tables referring to them: every row's parent is there first. */
  private List<String> inReferenceOrder(Set<String> tables) throws SQLException {
    Map<String, Set<String>> parents = new HashMap<>();
    try (PreparedStatement query =
        source.prepareStatement(
            "SELECT child.relname, parent.relname FROM pg_constraint k"
                + " JOIN pg_class child ON child.oid = k.conrelid"
                + " JOIN pg_class parent ON parent.oid = k.confrelid"
                + " JOIN pg_namespace n ON n.oid = child.relnamespace"
                + " WHERE k.contype = 'f' AND n.nspname = ? AND k.conrelid <> k.confrelid")) {
      query.setString(1, schema);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          parents
              .computeIfAbsent(rows.getString(1), t -> new LinkedHashSet<>())
              .add(rows.getString(2));
        }
      }
    }
    List<String> ordered = new ArrayList<>();
    Set<String> visiting = new LinkedHashSet<>();
    for (String table : tables) {
      visit(table, parents, tables, visiting, ordered);
    }
    return ordered;
  }

  private static void visit(
      String table,
      Map<String, Set<String>> parents,
      Set<String> tables,
      Set<String> visiting,
      List<String> ordered) {
    if (ordered.contains(table) || !tables.contains(table) || !visiting.add(table)) {
      return;
    }
    for (String parent : parents.getOrDefault(table, Set.of())) {
      visit(parent, parents, tables, visiting, ordered);
    }
    ordered.add(table);
  }

  /** The stored columns, in order: generated ones are computed again by the target. */
  private List<String> columns(String table) throws SQLException {
    List<String> names = new ArrayList<>();
    try (PreparedStatement query =
        source.prepareStatement(
            "SELECT a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND c.relname = ? AND a.attnum > 0"
                + " AND NOT a.attisdropped AND a.attgenerated = '' ORDER BY a.attnum")) {
      query.setString(1, schema);
      query.setString(2, table);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          names.add(rows.getString(1));
        }
      }
    }
    return names;
  }

  private String qualified(String relation) {
    return quoted(schema) + '.' + quoted(relation);
  }

  private static String quoted(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
