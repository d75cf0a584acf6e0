package io.plexica.workspaces.infra;

import io.plexica.shared.hooks.ExtensionPoints;
import io.plexica.workspaces.app.WorkspaceService;
import io.plexica.workspaces.domain.WorkspaceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires the workspace service, a plain class that tests build without a container. */
@ApplicationScoped
public class WorkspaceBeans {
  @Produces
  @Singleton
  WorkspaceService workspaceService(
      WorkspaceRepository workspaces, Clock clock, ExtensionPoints extensions) {
    return new WorkspaceService(workspaces, clock, extensions);
  }
}
