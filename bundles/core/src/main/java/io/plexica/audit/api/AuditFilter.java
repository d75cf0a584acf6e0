package io.plexica.audit.api;

import io.plexica.audit.domain.AuditQuery;
import io.plexica.shared.problem.FieldRules;
import io.plexica.shared.problem.Validation;
import io.plexica.shared.query.PageRequest;
import io.plexica.shared.web.PageParameters;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The audit trail's filters ({@code @BeanParam}), each optional, read into one query that names
 * every parameter in error at once.
 */
public class AuditFilter {
  private static final Pattern ACTION = Pattern.compile("^[a-z]+(_[a-z]+)*\\.[a-z_]+$");

  /** What PostgreSQL's timestamps and every sane audit query can hold. */
  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  @QueryParam("workspaceId")
  @Parameter(description = "Only changes in this workspace")
  String workspaceId;

  @QueryParam("actorId")
  @Parameter(description = "Only changes by this user")
  String actorId;

  @QueryParam("action")
  @Parameter(description = "Only this action, such as member.added")
  String action;

  @QueryParam("from")
  @Parameter(description = "From this instant (ISO-8601), inclusive")
  String from;

  @QueryParam("to")
  @Parameter(description = "Until this instant (ISO-8601), exclusive")
  String to;

  /** The query these filters and {@code paging} ask for; 400 naming each one in error. */
  AuditQuery query(PageParameters paging) {
    Validation validation = new Validation();
    AuditQuery query =
        new AuditQuery(
            uuid(validation, "workspaceId", workspaceId),
            uuid(validation, "actorId", actorId),
            action(validation, action),
            instant(validation, "from", from),
            instant(validation, "to", to),
            PageRequest.parse(validation, paging.page(), paging.size()));
    validation.throwIfInvalid();
    return query;
  }

  private static Optional<UUID> uuid(Validation validation, String field, String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    return Optional.ofNullable(validation.check(() -> FieldRules.requiredId(field, raw)));
  }

  private static Optional<String> action(Validation validation, String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    if (!ACTION.matcher(raw.strip()).matches() || raw.length() > 60) {
      validation.reject("action", "must be an action such as member.added");
      return Optional.empty();
    }
    return Optional.of(raw.strip());
  }

  private static Optional<Instant> instant(Validation validation, String field, String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    try {
      Instant instant = Instant.parse(raw.strip());
      if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
        validation.reject(field, "must be between the years 1 and 9999");
        return Optional.empty();
      }
      return Optional.of(instant);
    } catch (DateTimeParseException e) {
      validation.reject(field, "must be an instant such as 2026-11-26T10:00:00Z");
      return Optional.empty();
    }
  }
}
