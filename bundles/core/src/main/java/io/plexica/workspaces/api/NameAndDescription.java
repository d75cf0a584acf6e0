package io.plexica.workspaces.api;

import io.plexica.shared.problem.FieldRules;
import io.plexica.shared.problem.Validation;
import io.plexica.workspaces.app.WorkspaceService;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * The {@code name} and {@code description} of a workspace or a team, as created (name required) or
 * in a merge patch (absent means unchanged, a null description clears it). Errors go to {@code
 * validation}.
 */
record NameAndDescription(String name, String description, boolean clearDescription) {

  static NameAndDescription created(String name, String description, Validation validation) {
    return new NameAndDescription(
        name(validation, name), description(validation, description), false);
  }

  static NameAndDescription read(JsonObject patch, Validation validation) {
    String name = null;
    String description = null;
    boolean clearDescription = false;
    if (patch.containsKey("name")) {
      name =
          name(validation, patch.get("name") instanceof JsonString text ? text.getString() : null);
    }
    if (patch.containsKey("description")) {
      JsonValue value = patch.get("description");
      if (value.getValueType() == JsonValue.ValueType.NULL) {
        clearDescription = true;
      } else if (value instanceof JsonString text) {
        description = description(validation, text.getString());
      } else {
        validation.reject("description", "must be a string or null");
      }
    }
    return new NameAndDescription(name, description, clearDescription);
  }

  private static String name(Validation validation, String raw) {
    return validation.check(() -> FieldRules.requiredName("name", raw, WorkspaceService.MAX_NAME));
  }

  private static String description(Validation validation, String raw) {
    return validation.check(
        () -> FieldRules.optionalText("description", raw, WorkspaceService.MAX_DESCRIPTION));
  }
}
