package io.plexica.tenancy.domain;

import io.plexica.shared.events.DomainEvent;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/** Where tenants are kept (the {@code plexica_core} schema). Each call is its own transaction. */
public interface TenantRepository {

  /** Stores a new tenant, or fails with {@link TenancyProblems#SLUG_TAKEN}. */
  void insert(Tenant tenant);

  Optional<Tenant> findById(UUID id);

  /** The tenant that currently holds the slug (an unpurged one). */
  Optional<Tenant> findBySlug(String slug);

  /** The unpurged tenants whose name is this one, ignoring case. */
  List<Tenant> findByName(String name);

  /**
   * Loads the tenant with a row lock, applies the change and commits it, so that concurrent changes
   * of one tenant take turns instead of overwriting each other.
   */
  default Tenant update(UUID id, Consumer<Tenant> change) {
    return update(id, change, changed -> List.of());
  }

  /**
   * Changes the tenant under a row lock and writes the events the changed tenant yields to the
   * outbox, in the same transaction.
   */
  Tenant update(UUID id, Consumer<Tenant> change, Function<Tenant, List<DomainEvent>> events);

  TenantPage search(TenantQuery query);

  List<Tenant> withStatus(Collection<TenantStatus> statuses);

  /** How many unpurged tenants each shared realm holds, by realm. */
  Map<String, Long> sharedRealmSizes();

  /** How many unpurged tenants each database cluster holds, by cluster id. */
  Map<String, Long> tenantsPerDatabaseCluster();

  /** The live (active or suspended) tenants whose schema has not reached {@code version}. */
  List<Tenant> behindSchema(int version);

  /**
   * Records that the tenant's schema reached {@code version}; never lowers it (an older replica
   * still running during a rolling upgrade must not make a newer one migrate again).
   */
  void recordSchemaVersion(UUID id, int version);
}
