package io.plexica.shared.web;

import io.plexica.shared.problem.FieldError;
import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
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
   * The body, when present and valid; otherwise a {@code validation-failed} problem naming each
   * field in error, or the body itself with {@code whenMissing} when there is none.
   */
  public <T> T valid(T body, String whenMissing) {
    if (body == null) {
      throw ProblemException.invalid("body", whenMissing);
    }
    Set<ConstraintViolation<T>> violations = validator.validate(body);
    if (!violations.isEmpty()) {
      throw invalid(violations);
    }
    return body;
  }

  /**
   * The {@code validation-failed} problem of Bean Validation violations, wherever they were found:
   * each as the field it is about (the last node of its path) and its message.
   */
  static ProblemException invalid(Set<? extends ConstraintViolation<?>> violations) {
    List<FieldError> errors =
        violations.stream()
            .map(RequestBodies::fieldError)
            .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
            .toList();
    return new ProblemException(
        ProblemType.VALIDATION_FAILED, errors.size() + " field(s) are not valid", errors);
  }

  private static FieldError fieldError(ConstraintViolation<?> violation) {
    String field = null;
    for (Path.Node node : violation.getPropertyPath()) {
      field = node.getName();
    }
    return new FieldError(field == null ? "body" : field, violation.getMessage());
  }
}
