package io.plexica.audit.domain;

import io.plexica.tenancy.domain.TenantRef;

/**
 * The audit entries of each tenant, in its schema; features write them in their own transactions.
 */
public interface AuditLog {
  AuditPage search(TenantRef tenant, AuditQuery query);
}
