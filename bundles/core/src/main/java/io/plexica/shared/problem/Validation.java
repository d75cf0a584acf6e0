package io.plexica.shared.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Collects every field error of one request before failing, so a client learns all that is wrong at
 * once rather than one field per round trip.
 */
public final class Validation {
  private final List<FieldError> errors = new ArrayList<>();

  /**
   * Runs a value-object factory; a {@link ProblemException} it throws becomes this request's field
   * errors and the result is {@code null}.
   */
  public <T> T check(Supplier<T> factory) {
    try {
      return factory.get();
    } catch (ProblemException e) {
      if (e.fieldErrors().isEmpty()) {
        throw e;
      }
      errors.addAll(e.fieldErrors());
      return null;
    }
  }

  public void reject(String field, String message) {
    errors.add(new FieldError(field, message));
  }

  /** Throws one validation problem listing every error collected, if there is any. */
  public void throwIfInvalid() {
    Optional<ProblemException> problem = problem();
    if (problem.isPresent()) {
      throw problem.get();
    }
  }

  /** The validation problem listing every error collected; empty when there is none. */
  public Optional<ProblemException> problem() {
    if (errors.isEmpty()) {
      return Optional.empty();
    }
    String detail =
        errors.size() == 1
            ? errors.get(0).field() + ": " + errors.get(0).message()
            : errors.size() + " fields are not valid";
    return Optional.of(
        new ProblemException(ProblemType.VALIDATION_FAILED, detail, List.copyOf(errors)));
  }
}
