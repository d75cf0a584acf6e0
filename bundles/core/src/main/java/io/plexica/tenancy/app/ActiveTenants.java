package io.plexica.tenancy.app;

import io.plexica.tenancy.domain.TenantRef;
import java.util.function.Supplier;

/**
 * The active tenants as every tenant request resolves them, kept in memory: resolving the tenant of
 * a token is the first thing each request does, and the tenant's row changes seldom. Every change
 * of a tenant makes every node forget it at once, so suspending a tenant still stops its tokens on
 * their next request.
 */
public interface ActiveTenants {

  /**
   * The active tenant that holds {@code slug}, from memory or from {@code load}, which throws when
   * there is none.
   */
  TenantRef get(String slug, Supplier<TenantRef> load);

  /** The tenant holding {@code slug} changed: every node forgets it. */
  void changed(String slug);

  /** Nothing kept: every request reads the database. */
  ActiveTenants NONE =
      new ActiveTenants() {
        @Override
        public TenantRef get(String slug, Supplier<TenantRef> load) {
          return load.get();
        }

        @Override
        public void changed(String slug) {
          // nothing kept, nothing to forget
        }
      };
}
