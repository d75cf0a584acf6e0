package io.plexica.plugins.domain;

import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.problem.ProblemType;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a plugin's SQL names its tables: {@code ${contacts}} stands for the plugin's table {@code
 * plugin_<id>_contacts} of the tenant's schema. Statements that would reach the platform's schemas
 * by name are refused, as are several statements at once: this guards against mistakes (plugins are
 * trusted code in the platform's JVM), not against malice.
 */
public final class PluginTables {
  private PluginTables() {}

  public static final ProblemType SQL_REFUSED =
      new ProblemType("plugin-sql-refused", 500, "A plugin's SQL statement was refused");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z][a-z0-9_]{0,30})}");
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
      names.add(matcher.group(1));
    }
    return names;
  }

  /** The statement with its {@code ${name}}s replaced by the tenant's tables of the plugin. */
  public static String resolve(String sql, String schema, String pluginId) {
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
      matcher.appendReplacement(
          resolved,
          Matcher.quoteReplacement(
              '"'
                  + schema
                  + "\".\""
                  + prefix(pluginId)
                  + matcher.group(1).toLowerCase(Locale.ROOT)
                  + '"'));
    }
    matcher.appendTail(resolved);
    return resolved.toString();
  }

  private static ProblemException refused(String pluginId, String why) {
    return new ProblemException(
        SQL_REFUSED, "Plugin '" + pluginId + "' sent SQL the platform refuses: " + why + ".");
  }
}
