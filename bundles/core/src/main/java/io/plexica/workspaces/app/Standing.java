package io.plexica.workspaces.app;

import io.plexica.workspaces.domain.WorkspaceRole;
import java.util.Optional;

/**
 * What a membership look-up finds: whether the workspace exists and the role the user holds there.
 * Small and immutable, so it can be cached as it is.
 */
public record Standing(boolean workspaceExists, Optional<WorkspaceRole> role) {
  public static final Standing NO_WORKSPACE = new Standing(false, Optional.empty());
  public static final Standing NOT_A_MEMBER = new Standing(true, Optional.empty());

  public static Standing member(WorkspaceRole role) {
    return new Standing(true, Optional.of(role));
  }
}
