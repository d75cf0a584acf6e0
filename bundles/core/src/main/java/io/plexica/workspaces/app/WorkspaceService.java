package io.plexica.workspaces.app;

import io.plexica.shared.hooks.ExtensionPoints;
import io.plexica.shared.problem.ProblemException;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.workspaces.domain.Workspace;
import io.plexica.workspaces.domain.WorkspaceProblems;
import io.plexica.workspaces.domain.WorkspaceRepository;
import io.plexica.workspaces.domain.WorkspaceSlug;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Workspaces of one tenant. Every method takes the tenant explicitly, so no call can reach another
 * tenant's workspaces by accident. Membership and roles arrive with the identity slice.
 */
public class WorkspaceService {
  public static final int MAX_NAME = 200;
  public static final int MAX_DESCRIPTION = 2000;

  private final WorkspaceRepository workspaces;
  private final Clock clock;
  private final ExtensionPoints extensions;

  public WorkspaceService(WorkspaceRepository workspaces, Clock clock) {
    this(workspaces, clock, ExtensionPoints.NONE);
  }

  public WorkspaceService(WorkspaceRepository workspaces, Clock clock, ExtensionPoints extensions) {
    this.workspaces = workspaces;
    this.clock = clock;
    this.extensions = extensions;
  }

  /**
   * Creates a workspace, unless a plugin enabled in the tenant vetoes it ({@code
   * workspace.creating}); plugins hear of it afterwards ({@code workspace.created}).
   */
  public Workspace create(TenantRef tenant, WorkspaceSlug slug, String name, String description) {
    Map<String, Object> proposed = Map.of("slug", slug.value(), "name", name);
    extensions
        .ask(ExtensionPoints.Event.of("workspace.creating", tenant.id(), tenant.slug(), proposed))
        .ifPresent(
            reason -> {
              throw new ProblemException(
                  WorkspaceProblems.WORKSPACE_VETOED, "A plugin refused the workspace: " + reason);
            });
    Workspace workspace = new Workspace(slug, name, description, clock.instant());
    workspaces.insert(tenant, workspace);
    extensions.announce(
        ExtensionPoints.Event.of(
            "workspace.created",
            tenant.id(),
            tenant.slug(),
            Map.of("workspaceId", workspace.id().toString(), "slug", slug.value(), "name", name)));
    return workspace;
  }

  public Workspace get(TenantRef tenant, UUID id) {
    return workspaces
        .findById(tenant, id)
        .orElseThrow(
            () ->
                new ProblemException(
                    WorkspaceProblems.WORKSPACE_NOT_FOUND, "No workspace has id " + id + "."));
  }

  public List<Workspace> list(TenantRef tenant) {
    return workspaces.list(tenant);
  }

  /** Seeds a new tenant with its default workspace. */
  public void createDefault(TenantRef tenant) {
    create(tenant, WorkspaceSlug.DEFAULT, "Default", "The workspace every member starts in.");
  }

  /** Undoes {@link #createDefault}; nothing happens when it is not there. */
  public void removeDefault(TenantRef tenant) {
    workspaces.deleteBySlug(tenant, WorkspaceSlug.DEFAULT);
  }
}
