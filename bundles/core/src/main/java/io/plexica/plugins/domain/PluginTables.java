package io.plexica.plugins.domain;

import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.problem.ProblemType;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a plugin's SQL names its tables: {@code ${contacts}} stands for the plugin's table {@code
 * plugin_<id>_contacts} of the tenant's schema, and {@code ${workspace}} for the id of the call's
 * workspace (a statement using it in a call without a workspace is refused with 400). Statements
 * that would reach the platform's schemas by name are refused, as are several statements at once:
 * this guards against mistakes (plugins are trusted code in the platform's JVM), not against
 * malice.
 */
public final class PluginTables {
  private PluginTables() {}

  public static final ProblemType SQL_REFUSED =
      new ProblemType("plugin-sql-refused", 500, "A plugin's SQL statement was refused");

  public static final ProblemType WORKSPACE_REQUIRED =
      new ProblemType("workspace-required", 400, "This call needs a workspace");

  /** The placeholder for the id of the call's workspace; no table can be named so. */
  public static final String WORKSPACE = "workspace";

  /**
   * {@code ${name}}, one of the plugin's tables, or {@code ${owner:name}}, a view another plugin
   * shares with the plugins that depend on it (PostgreSQL refuses it to any other).
   */
  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\$\\{(?:([a-z][a-z0-9-]{0,62}):)?([a-z][a-z0-9_]{0,30})}");

  private static final Pattern FOREIGN =
      Pattern.compile(
          "\\b(plexica_core|tenant_[a-z0-9_]+|pg_catalog|information_schema|public)\\s*\\.",
          Pattern.CASE_INSENSITIVE);

  /** The prefix of every table of the plugin, such as {@code plugin_crm_}. */
  public static String prefix(String pluginId) {
    return "plugin_" + pluginId.replace('-', '_') + "_";
  }

  /** The {@code ${name}}s a piece of SQL uses. */
  public static Set<String> names(String sql) {
    Set<String> names = new LinkedHashSet<>();
    Matcher matcher = PLACEHOLDER.matcher(sql);
    while (matcher.find()) {
      if (matcher.group(1) == null && !matcher.group(2).equals(WORKSPACE)) {
        names.add(matcher.group(2));
      }
    }
    return names;
  }

  /**
   * The statement with its {@code ${name}}s replaced by the tenant's tables of the plugin and
   * {@code ${workspace}} by the workspace's id (a UUID literal: only hex digits and hyphens).
   */
  public static String resolve(
      String sql, String schema, String pluginId, Optional<UUID> workspace) {
    String statement = sql.strip();
    if (statement.endsWith(";")) {
      statement = statement.substring(0, statement.length() - 1);
    }
    if (statement.contains(";")) {
      throw refused(pluginId, "one statement per call");
    }
    if (FOREIGN.matcher(statement).find()) {
      throw refused(pluginId, "tables are named ${name}; other schemas are out of reach");
    }
    Matcher matcher = PLACEHOLDER.matcher(statement);
    StringBuilder resolved = new StringBuilder();
    while (matcher.find()) {
      String owner = matcher.group(1) == null ? pluginId : matcher.group(1);
      String name = matcher.group(2).toLowerCase(Locale.ROOT);
      String replacement =
          name.equals(WORKSPACE) && matcher.group(1) == null
              ? "'" + workspace.orElseThrow(PluginTables::workspaceRequired) + "'::uuid"
              : '"' + schema + "\".\"" + prefix(owner) + name + '"';
      matcher.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(resolved);
    return resolved.toString();
  }

  private static ProblemException workspaceRequired() {
    return new ProblemException(
        WORKSPACE_REQUIRED,
        "This plugin works on a workspace: name it in the X-Workspace-ID header.");
  }

  private static ProblemException refused(String pluginId, String why) {
    return new ProblemException(
        SQL_REFUSED, "Plugin '" + pluginId + "' sent SQL the platform refuses: " + why + ".");
  }
}
