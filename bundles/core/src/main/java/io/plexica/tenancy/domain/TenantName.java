package io.plexica.tenancy.domain;

import io.plexica.shared.problem.ProblemException;

/** A tenant's display name: 1 to 200 characters, trimmed, without control characters. */
public record TenantName(String value) {
  public static final int MAX_LENGTH = 200;

  public TenantName {
    if (value == null || value.isBlank()) {
      throw ProblemException.invalid("name", "is required");
    }
    value = value.strip();
    if (value.length() > MAX_LENGTH) {
      throw ProblemException.invalid("name", "must be at most " + MAX_LENGTH + " characters");
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      throw ProblemException.invalid("name", "must not contain control characters");
    }
  }
}
