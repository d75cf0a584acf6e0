package io.plexica.events.app;

import io.plexica.events.domain.DeadLetter;
import io.plexica.events.domain.DeadLetterPage;
import io.plexica.events.domain.DeadLetterQuery;
import io.plexica.events.domain.DeadLetters;
import io.plexica.events.domain.EventProblems;
import io.plexica.shared.problem.ProblemException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The dead-letter queue for people: list, show, retry, delete. A scope of a tenant confines every
 * operation to that tenant's dead letters (tenant administrators); no scope reaches all (platform
 * administrators). Out of scope is answered like not found.
 */
public class DeadLetterService {
  private final DeadLetters deadLetters;

  public DeadLetterService(DeadLetters deadLetters) {
    this.deadLetters = deadLetters;
  }

  public DeadLetterPage search(Optional<UUID> scope, DeadLetterQuery query) {
    DeadLetterQuery scoped =
        scope
            .map(
                tenant ->
                    new DeadLetterQuery(
                        query.topic(),
                        query.pluginId(),
                        Optional.of(tenant),
                        query.status(),
                        query.page()))
            .orElse(query);
    return deadLetters.search(scoped);
  }

  public DeadLetter get(Optional<UUID> scope, UUID id) {
    return deadLetters
        .find(id)
        .filter(d -> scope.map(t -> t.equals(d.tenantId())).orElse(true))
        .orElseThrow(
            () ->
                new ProblemException(
                    EventProblems.DEAD_LETTER_NOT_FOUND, "No dead letter has id " + id + "."));
  }

  /**
   * Asks for another attempt of each ({@code FAILED} → {@code PENDING}); the retry loop takes them
   * within a second. All must be in scope and {@code FAILED}, or none is touched.
   */
  public List<DeadLetter> retry(Optional<UUID> scope, List<UUID> ids) {
    List<DeadLetter> letters = ids.stream().map(id -> get(scope, id)).toList();
    for (DeadLetter letter : letters) {
      if (letter.status() != DeadLetter.Status.FAILED) {
        throw busy(letter, "only FAILED ones are retried");
      }
    }
    for (DeadLetter letter : letters) {
      if (!deadLetters.requestRetry(letter.id())) {
        throw busy(letter, "only FAILED ones are retried");
      }
    }
    return ids.stream().map(id -> get(scope, id)).toList();
  }

  public void delete(Optional<UUID> scope, UUID id) {
    DeadLetter letter = get(scope, id);
    if (!deadLetters.delete(letter.id())) {
      throw busy(letter, "wait until its retry is over");
    }
  }

  private static ProblemException busy(DeadLetter letter, String rule) {
    return new ProblemException(
        EventProblems.DEAD_LETTER_BUSY,
        "Dead letter " + letter.id() + " is " + letter.status() + "; " + rule + ".");
  }
}
