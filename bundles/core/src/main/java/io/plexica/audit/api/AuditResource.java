package io.plexica.audit.api;

import io.plexica.audit.app.AuditService;
import io.plexica.audit.domain.AuditEntry;
import io.plexica.audit.domain.AuditPage;
import io.plexica.audit.domain.AuditQuery;
import io.plexica.shared.json.JsonText;
import io.plexica.shared.problem.FieldRules;
import io.plexica.shared.problem.Validation;
import io.plexica.shared.query.PageRequest;
import io.plexica.shared.security.RequiresPermission;
import io.plexica.shared.web.PageParameters;
import io.plexica.tenancy.context.CurrentTenant;
import io.plexica.tenancy.context.TenantScoped;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant's audit trail: who changed what and when, for its administrators. */
@ApplicationScoped
@Path("/audit")
@Tag(name = "Audit")
@TenantScoped
@RequiresPermission("audit:read")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
  private static final Pattern ACTION = Pattern.compile("^[a-z]+(_[a-z]+)*\\.[a-z_]+$");

  @Inject AuditService audit;
  @Inject CurrentTenant tenant;

  @Schema(name = "AuditEntry")
  public record AuditEntryView(
      UUID id,
      Instant occurredAt,
      @Schema(nullable = true) UUID actorId,
      @Schema(nullable = true) String actorName,
      @Schema(example = "member.role_changed") String action,
      @Schema(nullable = true) UUID workspaceId,
      String targetType,
      @Schema(nullable = true) String targetId,
      @Schema(nullable = true) JsonObject before,
      @Schema(nullable = true) JsonObject after) {
    static AuditEntryView of(AuditEntry e) {
      return new AuditEntryView(
          e.id(),
          e.occurredAt(),
          e.actorId(),
          e.actorName(),
          e.action(),
          e.workspaceId(),
          e.targetType(),
          e.targetId(),
          e.before() == null ? null : JsonText.object(e.before()),
          e.after() == null ? null : JsonText.object(e.after()));
    }
  }

  @Schema(name = "AuditPage")
  public record AuditPageView(List<AuditEntryView> items, int page, int size, long total) {}

  @GET
  @Operation(operationId = "searchAudit", summary = "Search the audit trail, newest first")
  @APIResponse(responseCode = "200")
  public AuditPageView search(
      @Parameter(description = "Only changes in this workspace") @QueryParam("workspaceId")
          String workspaceId,
      @Parameter(description = "Only changes by this user") @QueryParam("actorId") String actorId,
      @Parameter(description = "Only this action, such as member.added") @QueryParam("action")
          String action,
      @Parameter(description = "From this instant (ISO-8601), inclusive") @QueryParam("from")
          String from,
      @Parameter(description = "Until this instant (ISO-8601), exclusive") @QueryParam("to")
          String to,
      @BeanParam PageParameters paging) {
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
    AuditPage result = audit.search(tenant.require(), query);
    return new AuditPageView(
        result.items().stream().map(AuditEntryView::of).toList(),
        result.page(),
        result.size(),
        result.total());
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

  /** What PostgreSQL's timestamps and every sane audit query can hold. */
  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
}
