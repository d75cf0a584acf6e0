package io.plexica.audit.infra;

import io.plexica.audit.app.AuditService;
import io.plexica.audit.domain.AuditEntry;
import io.plexica.audit.domain.AuditLog;
import io.plexica.audit.domain.AuditPage;
import io.plexica.audit.domain.AuditQuery;
import io.plexica.shared.persistence.Database;
import io.plexica.tenancy.domain.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code audit_entry} table of each tenant schema. */
@ApplicationScoped
public class JpaAuditLog implements AuditLog {
  private Database database;

  protected JpaAuditLog() {}

  @Inject
  public JpaAuditLog(Database database) {
    this.database = database;
  }

  @Produces
  @Singleton
  static AuditService auditService(AuditLog log) {
    return new AuditService(log);
  }

  @Override
  public AuditPage search(TenantRef tenant, AuditQuery query) {
    List<String> conditions = new ArrayList<>();
    Map<String, Object> parameters = new LinkedHashMap<>();
    query
        .workspaceId()
        .ifPresent(v -> condition(conditions, parameters, "workspaceId", "=", v.toString()));
    query.actorId().ifPresent(v -> condition(conditions, parameters, "actorId", "=", v.toString()));
    query.action().ifPresent(v -> condition(conditions, parameters, "action", "=", v));
    query.from().ifPresent(v -> condition(conditions, parameters, "occurredAt", ">=", v));
    query.to().ifPresent(v -> condition(conditions, parameters, "occurredAt", "<", v));
    String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    return database.readTenant(
        tenant.database(),
        em -> {
          TypedQuery<AuditEntry> items =
              em.createQuery(
                  "SELECT e FROM AuditEntry e" + where + " ORDER BY e.occurredAt DESC, e.id",
                  AuditEntry.class);
          TypedQuery<Long> count =
              em.createQuery("SELECT COUNT(e) FROM AuditEntry e" + where, Long.class);
          parameters.forEach(
              (name, value) -> {
                items.setParameter(name, value);
                count.setParameter(name, value);
              });
          List<AuditEntry> page =
              items
                  .setFirstResult(query.page().offset())
                  .setMaxResults(query.page().size())
                  .setHint("eclipselink.read-only", "true")
                  .getResultList();
          return new AuditPage(
              page, query.page().page(), query.page().size(), count.getSingleResult());
        });
  }

  private static void condition(
      List<String> conditions,
      Map<String, Object> parameters,
      String field,
      String operator,
      Object value) {
    String name = "p" + parameters.size();
    conditions.add("e." + field + " " + operator + " :" + name);
    parameters.put(name, value);
  }
}
