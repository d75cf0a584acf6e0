package io.plexica.shared.events;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of the event bus's topics: {@code core.<domain>.<action>} for the platform's events,
 * {@code plugin.<pluginId>.<event>} for a plugin's own, {@code dlq.<topic>} for what could not be
 * handled. Actions and events are past-tense verbs ({@code created}, {@code role_changed}, {@code
 * sent}): an event says what happened, not what should.
 */
public final class Topics {
  private Topics() {}

  private static final Pattern CORE =
      Pattern.compile("^core\\.([a-z][a-z0-9]{0,39})\\.([a-z][a-z0-9_]{0,59})$");
  private static final Pattern PLUGIN =
      Pattern.compile("^plugin\\.([a-z][a-z0-9-]{1,62})\\.([a-z][a-z0-9_]{0,59})$");
  private static final String DLQ = "dlq.";

  /** Past tenses that do not end in -ed. */
  private static final Set<String> IRREGULAR =
      Set.of(
          "begun",
          "bought",
          "brought",
          "built",
          "caught",
          "chosen",
          "done",
          "drawn",
          "found",
          "given",
          "got",
          "held",
          "hidden",
          "kept",
          "known",
          "left",
          "lost",
          "made",
          "met",
          "paid",
          "put",
          "read",
          "reset",
          "run",
          "sent",
          "set",
          "shown",
          "sold",
          "spent",
          "split",
          "taken",
          "thrown",
          "undone",
          "withdrawn",
          "won",
          "written");

  /** A topic name the bus refuses, with the rule it breaks. */
  public static final class InvalidTopic extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    InvalidTopic(String topic, String rule) {
      super("Topic '" + topic + "' is refused: " + rule);
    }
  }

  /** The topic, if it follows the rules; otherwise {@link InvalidTopic} saying which it breaks. */
  public static String requireValid(String topic) {
    if (topic == null) {
      throw new InvalidTopic("null", "a topic name is required");
    }
    String name = topic.startsWith(DLQ) ? topic.substring(DLQ.length()) : topic;
    Matcher matcher = CORE.matcher(name);
    if (!matcher.matches()) {
      matcher = PLUGIN.matcher(name);
    }
    if (!matcher.matches()) {
      throw new InvalidTopic(
          topic,
          "names are core.<domain>.<action>, plugin.<pluginId>.<event> or dlq.<topic>, in"
              + " lowercase letters, digits and underscores");
    }
    String action = matcher.group(2);
    if (!pastTense(action)) {
      throw new InvalidTopic(
          topic,
          "'" + action + "' is not a past-tense verb; events say what happened (created, sent)");
    }
    return topic;
  }

  /** {@code plugin.<pluginId>.<event>}, checked. */
  public static String ofPlugin(String pluginId, String event) {
    return requireValid("plugin." + pluginId + "." + event);
  }

  public static String deadLetters(String topic) {
    return DLQ + requireValid(topic);
  }

  static boolean pastTense(String action) {
    String verb = action.substring(action.lastIndexOf('_') + 1);
    return verb.endsWith("ed") || IRREGULAR.contains(verb);
  }
}
