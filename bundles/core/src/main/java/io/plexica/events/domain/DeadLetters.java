package io.plexica.events.domain;

import java.util.Optional;
import java.util.UUID;

/** The dead-letter records of every tenant, in {@code plexica_core}. */
public interface DeadLetters {
  DeadLetterPage search(DeadLetterQuery query);

  Optional<DeadLetter> find(UUID id);

  /** Marks a {@code FAILED} one {@code PENDING}, due now; false when it was not {@code FAILED}. */
  boolean requestRetry(UUID id);

  /** Removes one that is not being retried; false when it is (or is gone). */
  boolean delete(UUID id);
}
