package io.plexica.plugins.infra;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plugin route's path template ({@code /contacts/{id}/notes}), parsed once when the route is
 * registered: literal segments must be equal, segments in braces bind a parameter. When several
 * templates fit a path, the one with more literal characters wins.
 */
public final class RouteTemplate {
  private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

  private final String text;

  /** Per segment: the literal text, or null where the segment is a parameter. */
  private final String[] literals;

  /** Per segment: the parameter's name, or null where the segment is literal. */
  private final String[] parameters;

  private final int literalLength;

  private RouteTemplate(String text, String[] literals, String[] parameters, int literalLength) {
    this.text = text;
    this.literals = literals;
    this.parameters = parameters;
    this.literalLength = literalLength;
  }

  public static RouteTemplate parse(String template) {
    String[] segments = template.split("/", -1);
    String[] literals = new String[segments.length];
    String[] parameters = new String[segments.length];
    int literalLength = 0;
    for (int i = 0; i < segments.length; i++) {
      Matcher parameter = PARAMETER.matcher(segments[i]);
      if (parameter.matches()) {
        parameters[i] = parameter.group(1);
      } else {
        literals[i] = segments[i];
        literalLength += segments[i].length();
      }
    }
    return new RouteTemplate(template, literals, parameters, literalLength);
  }

  /** The path parameters when {@code path} fits this template. */
  public Optional<Map<String, String>> match(String path) {
    String[] segments = path.split("/", -1);
    if (segments.length != literals.length) {
      return Optional.empty();
    }
    Map<String, String> bound = new LinkedHashMap<>();
    for (int i = 0; i < segments.length; i++) {
      if (parameters[i] != null) {
        if (segments[i].isEmpty()) {
          return Optional.empty();
        }
        bound.put(parameters[i], segments[i]);
      } else if (!literals[i].equals(segments[i])) {
        return Optional.empty();
      }
    }
    return Optional.of(bound);
  }

  /** How specific the template is: the characters of its literal segments. */
  public int literalLength() {
    return literalLength;
  }

  @Override
  public String toString() {
    return text;
  }
}
