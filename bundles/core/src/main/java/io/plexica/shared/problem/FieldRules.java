package io.plexica.shared.problem;

import java.util.UUID;

/** Rules every free-text and id field of the API follows; each failure names its field. */
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

  /** Characters Keycloak's user profile refuses in names (person-name-prohibited-characters). */
  private static final String NAME_PROHIBITED = "<>&\"$%!#?§;*~/\\|^=[]{}()";

  /**
   * A person's first or last name: a display name without the characters the identity provider
   * refuses in names, so that what passes here is never turned away there.
   */
  public static String personName(String field, String value, int max) {
    String name = requiredName(field, value, max);
    if (name.chars().anyMatch(c -> NAME_PROHIBITED.indexOf(c) >= 0)) {
      throw ProblemException.invalid(
          field, "must not contain any of these characters: " + NAME_PROHIBITED);
    }
    return name;
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

  /** An id sent in a body or a query: required, a UUID. */
  public static UUID requiredId(String field, String value) {
    if (value == null || value.isBlank()) {
      throw ProblemException.invalid(field, "is required");
    }
    try {
      return UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid(field, "must be an id (a UUID)");
    }
  }

  private static String bounded(String field, String value, int max) {
    if (value.length() > max) {
      throw ProblemException.invalid(field, "must be at most " + max + " characters");
    }
    return value;
  }
}
