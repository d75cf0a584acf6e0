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
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The retry request's rules (Bean Validation for the list, the ids' form for each), checked at the
 * edge by {@link RequestBodies}, answer as one problem naming each field.
 */
class RetryRequestTest {
  private final RequestBodies bodies = EdgeChecks.BODIES;

  @Test
  void aValidBodyIsTheIdsItLists() {
    UUID first = UUID.randomUUID();
    UUID second = UUID.randomUUID();
    assertThat(bodies.value(new RetryRequest(List.of(first.toString(), second.toString())), "x"))
        .containsExactly(first, second);
  }

  @Test
  void everyMalformedIdIsNamedInOneError() {
    String good = UUID.randomUUID().toString();
    assertThatThrownBy(() -> bodies.value(new RetryRequest(List.of("a", good, "b")), "required"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            problem ->
                assertThat(problem.fieldErrors())
                    .containsExactly(
                        new FieldError("ids", "must be ids (UUIDs); these are not: 'a', 'b'")));
    List<String> many = Collections.nCopies(7, "x");
    assertThatThrownBy(() -> bodies.value(new RetryRequest(many), "required"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            problem ->
                assertThat(problem.fieldErrors().get(0).message()).endsWith("'x' and 2 more"));
  }

  @Test
  void aMissingBodyIsNamedWithWhatIsRequired() {
    assertProblem(
        () -> bodies.value(null, "a JSON object with ids is required"),
        ProblemType.VALIDATION_FAILED,
        "a JSON object with ids is required");
  }

  @Test
  void eachBrokenRuleOfTheRecordIsAFieldErrorWithItsMessage() {
    assertThatThrownBy(() -> bodies.value(new RetryRequest(List.of()), "required"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            problem -> {
              assertThat(problem.type()).isEqualTo(ProblemType.VALIDATION_FAILED);
              assertThat(problem.fieldErrors())
                  .containsExactly(new FieldError("ids", "list the dead letters to retry"));
            });
    assertThatThrownBy(
            () -> bodies.value(new RetryRequest(Collections.nCopies(501, "x")), "required"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            problem ->
                assertThat(problem.fieldErrors())
                    .containsExactly(new FieldError("ids", "at most 500 at once")));
  }
}
