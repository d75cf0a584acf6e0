package io.plexica.tenancy.domain;

import io.plexica.shared.problem.ProblemException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An e-mail address, lower-cased. The check is deliberately plain (something@domain.tld): the
 * identity provider verifies the address for real by sending to it.
 */
public record EmailAddress(String value) {
  private static final Pattern SHAPE =
      Pattern.compile("^[^@\\s\\p{Cntrl}]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,63}$");

  public EmailAddress {
    if (value == null || value.isBlank()) {
      throw ProblemException.invalid("adminEmail", "is required");
    }
    value = value.strip().toLowerCase(Locale.ROOT);
    if (value.length() > 254 || !SHAPE.matcher(value).matches()) {
      throw ProblemException.invalid(
          "adminEmail", "must be an e-mail address like ada@example.com");
    }
  }

  /** The address of another field than {@code adminEmail}, with errors naming that field. */
  public static EmailAddress of(String field, String value) {
    try {
      return new EmailAddress(value);
    } catch (ProblemException e) {
      throw ProblemException.invalid(field, e.fieldErrors().get(0).message());
    }
  }
}
