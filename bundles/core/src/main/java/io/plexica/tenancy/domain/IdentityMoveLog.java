package io.plexica.tenancy.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where moves of tenants between identity homes are recorded, in {@code plexica_core}. */
public interface IdentityMoveLog {
  void insert(IdentityMove move);

  /** Records the move as it stands now. */
  void update(IdentityMove move);

  Optional<IdentityMove> find(UUID id);

  /** The tenant's moves, the newest first. */
  List<IdentityMove> ofTenant(UUID tenantId);
}
