package io.plexica.events.api;

import io.plexica.events.domain.DeadLetter;
import io.plexica.events.domain.DeadLetterPage;
import io.plexica.events.domain.DeadLetterQuery;
import io.plexica.shared.json.JsonText;
import io.plexica.shared.problem.FieldRules;
import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.problem.Validation;
import io.plexica.shared.query.PageRequest;
import io.plexica.shared.web.CheckedBody;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the dead-letter endpoints of platform and tenant administrators read and answer. */
final class DeadLetterViews {
  private DeadLetterViews() {}

  @Schema(name = "DeadLetter")
  public record DeadLetterView(
      UUID id,
      UUID eventId,
      String topic,
      UUID tenantId,
      String pluginId,
      String handler,
      @Schema(enumeration = {"PENDING", "RETRYING", "FAILED", "RESOLVED"}) String status,
      int attempts,
      String lastError,
      Instant createdAt,
      Instant updatedAt,
      @Schema(nullable = true) Instant nextAttemptAt,
      @Schema(
              nullable = true,
              description = "The event as it was delivered (only when one is fetched)")
          JsonObject event) {
    static DeadLetterView of(DeadLetter d, boolean withEvent) {
      return new DeadLetterView(
          d.id(),
          d.eventId(),
          d.topic(),
          d.tenantId(),
          d.pluginId(),
          d.handler(),
          d.status().name(),
          d.attempts(),
          d.lastError(),
          d.createdAt(),
          d.updatedAt(),
          d.nextAttemptAt(),
          withEvent ? JsonText.object(d.envelope()) : null);
    }
  }

  @Schema(name = "DeadLetterPage")
  public record PageView(List<DeadLetterView> items, int page, int size, long total) {
    static PageView of(DeadLetterPage page) {
      return new PageView(
          page.items().stream().map(d -> DeadLetterView.of(d, false)).toList(),
          page.page(),
          page.size(),
          page.total());
    }
  }

  /** The dead letters to retry, checked whole before any is retried. */
  @Schema(name = "RetryDeadLetters")
  public record RetryRequest(
      @Schema(required = true)
          @NotEmpty(message = "list the dead letters to retry")
          @Size(max = MAX_RETRIED, message = "at most " + MAX_RETRIED + " at once")
          List<String> ids)
      implements CheckedBody<List<UUID>> {
    @Override
    public List<UUID> value(Validation validation) {
      if (ids == null || ids.isEmpty() || ids.size() > MAX_RETRIED) {
        return List.of(); // Bean Validation has named the list's fault
      }
      List<UUID> parsed = new ArrayList<>();
      List<String> malformed = new ArrayList<>();
      for (String id : ids) {
        try {
          parsed.add(FieldRules.requiredId("ids", id));
        } catch (ProblemException e) {
          malformed.add(id == null ? "null" : "'" + id + "'");
        }
      }
      if (!malformed.isEmpty()) {
        validation.reject(
            "ids",
            "must be ids (UUIDs); these are not: "
                + String.join(", ", malformed.subList(0, Math.min(5, malformed.size())))
                + (malformed.size() > 5 ? " and " + (malformed.size() - 5) + " more" : ""));
      }
      return parsed;
    }
  }

  /** What a retry without a body is told. */
  static final String REQUIRED_BODY = "a JSON object with ids is required";

  /** The most dead letters one request retries. */
  public static final int MAX_RETRIED = 500;

  static DeadLetterQuery query(
      String topic, String plugin, String tenant, String status, String page, String size) {
    Validation validation = new Validation();
    Optional<UUID> tenantId = Optional.empty();
    if (tenant != null && !tenant.isBlank()) {
      tenantId =
          Optional.ofNullable(validation.check(() -> FieldRules.requiredId("tenant", tenant)));
    }
    Optional<DeadLetter.Status> state = Optional.empty();
    if (status != null && !status.isBlank()) {
      try {
        state = Optional.of(DeadLetter.Status.valueOf(status.strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        validation.reject("status", "must be PENDING, RETRYING, FAILED or RESOLVED");
      }
    }
    PageRequest pageRequest = PageRequest.parse(validation, page, size);
    validation.throwIfInvalid();
    return new DeadLetterQuery(
        Optional.ofNullable(topic).filter(t -> !t.isBlank()).map(String::strip),
        Optional.ofNullable(plugin).filter(p -> !p.isBlank()).map(String::strip),
        tenantId,
        state,
        pageRequest);
  }
}
