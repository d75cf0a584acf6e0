package io.plexica.tenancy.api;

import io.plexica.shared.problem.Validation;
import io.plexica.shared.web.MergePatch;
import io.plexica.tenancy.domain.TenantName;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Optional;
import java.util.Set;

/** A merge patch of a tenant's name and settings, checked field by field (400 names each). */
record TenantPatch(Optional<TenantName> name, Optional<JsonObject> settings) {
  private static final Set<String> PATCHABLE = Set.of("name", "settings");

  static TenantPatch parse(JsonObject patch) {
    Validation validation = MergePatch.check(patch, PATCHABLE);
    Optional<TenantName> name = Optional.empty();
    if (patch.containsKey("name")) {
      JsonValue value = patch.get("name");
      if (value.getValueType() != JsonValue.ValueType.STRING) {
        validation.reject("name", "must be a string");
      } else {
        name = Optional.ofNullable(validation.check(() -> new TenantName(patch.getString("name"))));
      }
    }
    Optional<JsonObject> settings = Optional.empty();
    if (patch.containsKey("settings")) {
      JsonValue value = patch.get("settings");
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        validation.reject("settings", "must be a JSON object");
      } else {
        settings = Optional.of(value.asJsonObject());
      }
    }
    validation.throwIfInvalid();
    return new TenantPatch(name, settings);
  }
}
