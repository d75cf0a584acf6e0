package io.plexica.audit.app;

import io.plexica.audit.domain.AuditLog;
import io.plexica.audit.domain.AuditPage;
import io.plexica.audit.domain.AuditQuery;
import io.plexica.tenancy.domain.TenantRef;

/** Reads a tenant's audit trail, for its administrators. */
public class AuditService {
  private final AuditLog log;

  public AuditService(AuditLog log) {
    this.log = log;
  }

  public AuditPage search(TenantRef tenant, AuditQuery query) {
    return log.search(tenant, query);
  }
}
