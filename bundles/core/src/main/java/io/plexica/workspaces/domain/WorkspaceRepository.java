package io.plexica.workspaces.domain;

import io.plexica.tenancy.domain.TenantRef;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Workspaces, always within one tenant's schema. */
public interface WorkspaceRepository {

  /** Stores a new workspace, or fails with {@link WorkspaceProblems#SLUG_TAKEN}. */
  void insert(TenantRef tenant, Workspace workspace);

  Optional<Workspace> findById(TenantRef tenant, UUID id);

  List<Workspace> list(TenantRef tenant);

  void deleteBySlug(TenantRef tenant, WorkspaceSlug slug);
}
