package io.plexica.audit.api;

import io.plexica.audit.app.AuditService;
import io.plexica.audit.domain.AuditEntry;
import io.plexica.audit.domain.AuditPage;
import io.plexica.shared.json.JsonText;
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
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
  public AuditPageView search(@BeanParam AuditFilter filter, @BeanParam PageParameters paging) {
    AuditPage result = audit.search(tenant.require(), filter.query(paging));
    return new AuditPageView(
        result.items().stream().map(AuditEntryView::of).toList(),
        result.page(),
        result.size(),
        result.total());
  }
}
