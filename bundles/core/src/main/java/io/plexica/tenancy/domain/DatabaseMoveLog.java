package io.plexica.tenancy.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where moves of tenants between database clusters are recorded, in {@code plexica_core}. */
public interface DatabaseMoveLog {
  void insert(DatabaseMove move);

  /** Records the move as it stands now. */
  void update(DatabaseMove move);

  Optional<DatabaseMove> find(UUID id);

  /** The tenant's moves, the newest first. */
  List<DatabaseMove> ofTenant(UUID tenantId);
}
