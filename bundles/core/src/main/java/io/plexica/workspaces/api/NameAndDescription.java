package io.plexica.workspaces.api;

import io.plexica.shared.problem.FieldRules;
import io.plexica.shared.problem.Validation;
import io.plexica.shared.web.MergePatch;
import io.plexica.workspaces.app.WorkspaceService;
import java.util.Optional;

/**
 * The {@code name} and {@code description} of a workspace or a team, as created (name required) or
 * in a merge patch (absent means unchanged, a null description clears it). Errors go to {@code
 * validation}.
 */
record NameAndDescription(String name, String description, boolean clearDescription) {

  static NameAndDescription created(String name, String description, Validation validation) {
    return new NameAndDescription(
        validation.check(() -> name(name)),
        validation.check(() -> description(description)),
        false);
  }

  static NameAndDescription read(MergePatch patch) {
    Optional<Optional<String>> description =
        patch.clearableText("description", NameAndDescription::description);
    return new NameAndDescription(
        patch.text("name", NameAndDescription::name).orElse(null),
        description.flatMap(text -> text).orElse(null),
        description.isPresent() && description.get().isEmpty());
  }

  private static String name(String raw) {
    return FieldRules.requiredName("name", raw, WorkspaceService.MAX_NAME);
  }

  private static String description(String raw) {
    return FieldRules.optionalText("description", raw, WorkspaceService.MAX_DESCRIPTION);
  }
}
