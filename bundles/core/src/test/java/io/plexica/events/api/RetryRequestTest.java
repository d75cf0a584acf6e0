package io.plexica.events.api;

import static io.plexica.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plexica.events.api.DeadLetterViews.RetryRequest;
import io.plexica.shared.problem.FieldError;
import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.problem.ProblemType;
import io.plexica.shared.web.RequestBodies;
import io.plexica.testing.EdgeChecks;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The retry request's Bean Validation rules, checked at the edge by {@link RequestBodies}, answer
 * as one problem naming each field.
 */
class RetryRequestTest {
  private final RequestBodies bodies = EdgeChecks.BODIES;

  @Test
  void aValidBodyIsReturnedAsItIs() {
    RetryRequest body = new RetryRequest(List.of("a", "b"));
    assertThat(bodies.valid(body, "required")).isSameAs(body);
  }

  @Test
  void aMissingBodyIsNamedWithWhatIsRequired() {
    assertProblem(
        () -> bodies.valid(null, "a JSON object with ids is required"),
        ProblemType.VALIDATION_FAILED,
        "a JSON object with ids is required");
  }

  @Test
  void eachBrokenRuleOfTheRecordIsAFieldErrorWithItsMessage() {
    assertThatThrownBy(() -> bodies.valid(new RetryRequest(List.of()), "required"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            problem -> {
              assertThat(problem.type()).isEqualTo(ProblemType.VALIDATION_FAILED);
              assertThat(problem.fieldErrors())
                  .containsExactly(new FieldError("ids", "list the dead letters to retry"));
            });
    assertThatThrownBy(
            () -> bodies.valid(new RetryRequest(Collections.nCopies(501, "x")), "required"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            problem ->
                assertThat(problem.fieldErrors())
                    .containsExactly(new FieldError("ids", "at most 500 at once")));
  }
}
