package io.plexica.tenancy.app;

import io.plexica.shared.problem.ProblemException;
import io.plexica.tenancy.domain.TenancyProblems;
import io.plexica.tenancy.domain.Tenant;
import io.plexica.tenancy.domain.TenantQuotas;
import io.plexica.tenancy.domain.TenantQuotas.Quota;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.tenancy.domain.TenantRepository;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.LongSupplier;

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

  /** Quotas read from the tenant's row each time something is added: a change counts at once. */
  public static QuotaGuard of(TenantRepository tenants) {
    return new QuotaGuard(id -> tenants.findById(id).map(Tenant::quotas).orElse(TenantQuotas.NONE));
  }

  /**
   * @param inUse counts what the tenant holds now; asked only when the tenant has this quota, so
   *     that a tenant without one pays no count (a sum over every file, on every upload)
   * @param adding what the operation adds (1, or a file's bytes)
   */
  public void requireRoom(TenantRef tenant, Quota quota, LongSupplier inUse, long adding) {
    Optional<Long> limit = quotasOf.apply(tenant.id()).limit(quota);
    if (limit.isEmpty()) {
      return;
    }
    long held = inUse.getAsLong();
    if (held + adding > limit.get()) {
      throw new ProblemException(
          TenancyProblems.QUOTA_EXCEEDED,
          "This organization may hold at most "
              + limit.get()
              + " "
              + quota.what()
              + " and holds "
              + held
              + (adding == 1 ? "" : "; this would add " + adding)
              + ". Remove some, or ask the platform's administrators for a higher quota.");
    }
  }
}
