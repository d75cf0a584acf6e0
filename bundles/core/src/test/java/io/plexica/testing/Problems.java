package io.plexica.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plexica.shared.problem.FieldError;
import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.problem.ProblemType;
import java.util.List;

/** Assertions on the problems services refuse with. */
public final class Problems {
  private Problems() {}

  /** The call is refused with a problem of that type. */
  public static void assertProblem(Runnable call, ProblemType type) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.type()).isEqualTo(type));
  }

  /** The call is refused with a problem of that type whose message says {@code text}. */
  public static void assertProblem(Runnable call, ProblemType type, String text) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.type()).isEqualTo(type);
              assertThat(e.getMessage()).contains(text);
            });
  }

  /** The field errors of the {@code validation-failed} problem the call is refused with. */
  public static List<FieldError> fieldErrors(Runnable call) {
    try {
      call.run();
    } catch (ProblemException problem) {
      assertThat(problem.type()).isEqualTo(ProblemType.VALIDATION_FAILED);
      return problem.fieldErrors();
    }
    throw new AssertionError("The call was not refused");
  }
}
