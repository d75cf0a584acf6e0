package io.plexica.shared.web;

import io.plexica.shared.problem.FieldError;
import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.problem.Validation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.Set;

/**
 * Checks a request body against the Bean Validation rules its record declares, at the edge, so
 * services receive valid values. Called by the resource rather than left to {@code @Valid} on the
 * parameter: Liberty's JAX-RS answers a violation found there itself, in plain text, before the
 * platform's problem mapper sees it.
 */
@ApplicationScoped
public class RequestBodies {
  private Validator validator;

  /** For the container's proxy. */
  protected RequestBodies() {}

  @Inject
  public RequestBodies(Validator validator) {
    this.validator = validator;
  }

  /**
   * What the body asks for, when it is present and follows both its Bean Validation constraints and
   * the rules of its value objects; otherwise a {@code validation-failed} problem naming every
   * field in error, or the body itself with {@code whenMissing} when there is none.
   */
  public <V> V value(CheckedBody<V> body, String whenMissing) {
    if (body == null) {
      throw ProblemException.invalid("body", whenMissing);
    }
    Validation validation = rejecting(validator.validate(body));
    V value = body.value(validation);
    validation.throwIfInvalid();
    return value;
  }

  /**
   * The {@code validation-failed} problem of Bean Validation violations, wherever they were found:
   * each as the field it is about and its message.
   */
  static ProblemException invalid(Set<? extends ConstraintViolation<?>> violations) {
    return rejecting(violations).problem().orElseThrow();
  }

  /** A validation holding each violation as the field it is about and its message, in order. */
  private static Validation rejecting(Set<? extends ConstraintViolation<?>> violations) {
    Validation validation = new Validation();
    violations.stream()
        .map(RequestBodies::fieldError)
        .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
        .forEach(e -> validation.reject(e.field(), e.message()));
    return validation;
  }

  /**
   * The field a violation is about: the last property of its path, so that a rule on the elements
   * of a list names the list, not {@code <list element>}.
   */
  private static FieldError fieldError(ConstraintViolation<?> violation) {
    String field = "body";
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getKind() == ElementKind.PROPERTY) {
        field = node.getName();
      }
    }
    return new FieldError(field, violation.getMessage());
  }
}
