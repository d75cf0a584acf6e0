package io.plexica.tenancy.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** Where tenants are kept (the {@code plexica_core} schema). Each call is its own transaction. */
public interface TenantRepository {

  /** Stores a new tenant, or fails with {@link TenancyProblems#SLUG_TAKEN}. */
  void insert(Tenant tenant);

  Optional<Tenant> findById(UUID id);

  /** The tenant that currently holds the slug (an unpurged one). */
  Optional<Tenant> findBySlug(String slug);

  /**
   * Loads the tenant with a row lock, applies the change and commits it, so that concurrent changes
   * of one tenant take turns instead of overwriting each other.
   */
  Tenant update(UUID id, Consumer<Tenant> change);

  TenantPage search(TenantQuery query);

  List<Tenant> withStatus(Collection<TenantStatus> statuses);
}
