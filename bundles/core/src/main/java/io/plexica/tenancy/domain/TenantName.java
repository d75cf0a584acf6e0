package io.plexica.tenancy.domain;

import io.plexica.shared.problem.FieldRules;

/**
 * A tenant's display name: one line of 1 to 200 characters, trimmed, without control characters.
 */
public record TenantName(String value) {
  public static final int MAX_LENGTH = 200;

  public TenantName {
    value = FieldRules.requiredName("name", value, MAX_LENGTH);
  }
}
