package io.plexica.tenancy.app;

import io.plexica.shared.problem.ProblemException;
import io.plexica.tenancy.domain.TenancyProblems;
import io.plexica.tenancy.domain.TenantQuotas;
import io.plexica.tenancy.domain.TenantQuotas.Quota;
import io.plexica.tenancy.domain.TenantRef;
import java.util.UUID;
import java.util.function.Function;

/**
 * Refuses what would take a tenant past one of its quotas (409 {@code quota-exceeded}, saying the
 * limit and what the tenant holds). Read when something is added, so a changed quota counts at
 * once; two additions at the same moment may both pass the last unit (a quota is a plan's limit,
 * not a lock).
 */
public class QuotaGuard {
  /** No quotas: for services built without tenants behind them. */
  public static final QuotaGuard NONE = new QuotaGuard(id -> TenantQuotas.NONE);

  private final Function<UUID, TenantQuotas> quotasOf;

  public QuotaGuard(Function<UUID, TenantQuotas> quotasOf) {
    this.quotasOf = quotasOf;
  }

  /**
   * @param inUse what the tenant holds now
   * @param adding what the operation adds (1, or a file's bytes)
   */
  public void requireRoom(TenantRef tenant, Quota quota, long inUse, long adding) {
    quotasOf
        .apply(tenant.id())
        .limit(quota)
        .filter(limit -> inUse + adding > limit)
        .ifPresent(
            limit -> {
              throw new ProblemException(
                  TenancyProblems.QUOTA_EXCEEDED,
                  "This organization may hold at most "
                      + limit
                      + " "
                      + quota.what()
                      + " and holds "
                      + inUse
                      + (adding == 1 ? "" : "; this would add " + adding)
                      + ". Remove some, or ask the platform's administrators for a higher quota.");
            });
  }
}
