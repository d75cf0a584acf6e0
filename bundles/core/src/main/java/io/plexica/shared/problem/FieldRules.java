package io.plexica.shared.problem;

/** Rules every free-text field of the API follows; each failure names its field. */
public final class FieldRules {
  private FieldRules() {}

  /** A display name: required, one line, trimmed, at most {@code max} characters. */
  public static String requiredName(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw ProblemException.invalid(field, "is required");
    }
    String name = value.strip();
    if (name.chars().anyMatch(Character::isISOControl)) {
      throw ProblemException.invalid(field, "must be one line without control characters");
    }
    return bounded(field, name, max);
  }

  /** Optional text: {@code null} stays {@code null}; line breaks and tabs are allowed. */
  public static String optionalText(String field, String value, int max) {
    if (value == null) {
      return null;
    }
    if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
      throw ProblemException.invalid(field, "must not contain control characters");
    }
    return bounded(field, value, max);
  }

  private static String bounded(String field, String value, int max) {
    if (value.length() > max) {
      throw ProblemException.invalid(field, "must be at most " + max + " characters");
    }
    return value;
  }
}
