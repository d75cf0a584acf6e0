package io.plexica.workspaces.api;

import io.plexica.shared.problem.FieldRules;
import io.plexica.shared.problem.Validation;
import io.plexica.workspaces.app.WorkspaceService;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * The {@code name} and {@code description} members of a merge patch (of a workspace or a team):
 * absent means unchanged, a null description clears it. Errors go to {@code validation}.
 */
record NameAndDescription(String name, String description, boolean clearDescription) {

  static NameAndDescription read(JsonObject patch, Validation validation) {
    String name = null;
    String description = null;
    boolean clearDescription = false;
    if (patch.containsKey("name")) {
      String raw = patch.get("name") instanceof JsonString text ? text.getString() : null;
      name =
          validation.check(() -> FieldRules.requiredName("name", raw, WorkspaceService.MAX_NAME));
    }
    if (patch.containsKey("description")) {
      JsonValue value = patch.get("description");
      if (value.getValueType() == JsonValue.ValueType.NULL) {
        clearDescription = true;
      } else if (value instanceof JsonString text) {
        description =
            validation.check(
                () ->
                    FieldRules.optionalText(
                        "description", text.getString(), WorkspaceService.MAX_DESCRIPTION));
      } else {
        validation.reject("description", "must be a string or null");
      }
    }
    return new NameAndDescription(name, description, clearDescription);
  }
}
