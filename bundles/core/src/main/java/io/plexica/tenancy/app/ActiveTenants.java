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
   * The active tenant whose id is {@code id}, from memory or from {@code load}, which throws when
   * there is none.
   */
  TenantRef get(String id, Supplier<TenantRef> load);

  /** The tenant {@code id} changed: every node forgets it. */
  void changed(String id);

  /**
   * Also tells {@code forget} on this node whenever a tenant changed (its id), or with {@code null}
   * when every tenant may have: for what other features keep of a tenant, such as where its data
   * lives.
   */
  default void onChange(java.util.function.Consumer<String> forget) {}

  /** Nothing kept: every request reads the database. */
  ActiveTenants NONE =
      new ActiveTenants() {
        @Override
        public TenantRef get(String id, Supplier<TenantRef> load) {
          return load.get();
        }

        @Override
        public void changed(String id) {
          // nothing kept, nothing to forget
        }
      };
}
