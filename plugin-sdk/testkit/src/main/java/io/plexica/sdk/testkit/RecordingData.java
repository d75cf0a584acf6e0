package io.plexica.sdk.testkit;

import io.plexica.sdk.CallContext;
import io.plexica.sdk.data.PluginData;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * A {@link PluginData} for unit tests: records every statement with its parameters and answers
 * queries with the rows queued by {@link #willReturnRows} (none when nothing is queued) and updates
 * with {@link #willChange} (1 by default). The SQL itself is not run: prove that with the
 * platform's integration tests, and use this one to test what the plugin does with answers.
 */
public class RecordingData implements PluginData {

  /** One statement the plugin sent. */
  public record Statement(CallContext context, String sql, List<Object> parameters) {}

  private final List<Statement> statements = new ArrayList<>();
  private final Deque<List<Map<String, Object>>> answers = new ArrayDeque<>();
  private final Deque<Integer> changes = new ArrayDeque<>();

  /** One row for the next query. */
  public RecordingData willReturn(Map<String, Object> row) {
    return willReturnRows(List.of(row));
  }

  /** Rows for the next query. */
  public RecordingData willReturnRows(List<Map<String, Object>> rows) {
    answers.add(List.copyOf(rows));
    return this;
  }

  /** The row count for the next update. */
  public RecordingData willChange(int rows) {
    changes.add(rows);
    return this;
  }

  public List<Statement> statements() {
    return List.copyOf(statements);
  }

  @Override
  public List<Map<String, Object>> query(CallContext context, String sql, Object... parameters) {
    statements.add(new Statement(context, sql, java.util.Arrays.asList(parameters)));
    return answers.isEmpty() ? List.of() : answers.poll();
  }

  @Override
  public int update(CallContext context, String sql, Object... parameters) {
    statements.add(new Statement(context, sql, java.util.Arrays.asList(parameters)));
    return changes.isEmpty() ? 1 : changes.poll();
  }
}
