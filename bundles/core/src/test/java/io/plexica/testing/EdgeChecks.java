package io.plexica.testing;

import io.plexica.shared.web.RequestBodies;
import jakarta.validation.Validation;

/**
 * The checks resources run on request bodies, with the Bean Validation provider of the tests
 * (Hibernate Validator; Liberty brings its own). One for the whole run: the factory lives as long
 * as the JVM.
 */
public final class EdgeChecks {
  public static final RequestBodies BODIES =
      new RequestBodies(Validation.buildDefaultValidatorFactory().getValidator());

  private EdgeChecks() {}
}
