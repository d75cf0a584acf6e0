package io.plexica.identity.domain;

import io.plexica.shared.problem.ProblemException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The name of a tenant role, which is also the name of its Keycloak realm role: lower-case letters,
 * digits and hyphens, 2 to 40 characters, starting with a letter. Keycloak's own roles and the
 * platform administrator's role cannot be taken.
 */
public record RoleName(String value) {
  public static final String ADMIN = "admin";
  public static final Set<String> BUILT_IN = Set.of(ADMIN, "user", "guest");

  private static final Pattern FORMAT = Pattern.compile("^[a-z][a-z0-9-]{1,39}$");
  private static final Set<String> RESERVED =
      Set.of("offline-access", "uma-authorization", "platform-admin");

  public RoleName {
    if (value == null || value.isBlank()) {
      throw ProblemException.invalid("name", "is required");
    }
    if (!FORMAT.matcher(value).matches()) {
      throw ProblemException.invalid(
          "name", "must be 2 to 40 lower-case letters, digits or hyphens, starting with a letter");
    }
    if (RESERVED.contains(value) || value.startsWith("default-roles-")) {
      throw ProblemException.invalid("name", "'" + value + "' is reserved");
    }
  }
}
