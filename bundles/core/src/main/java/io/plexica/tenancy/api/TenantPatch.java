package io.plexica.tenancy.api;

import io.plexica.shared.problem.Validation;
import io.plexica.shared.web.MergePatch;
import io.plexica.tenancy.domain.TenantName;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Optional;
import java.util.Set;

/**
 * A merge patch of a tenant's name, settings and (platform administrators only) quotas, checked
 * field by field (400 names each).
 */
record TenantPatch(
    Optional<TenantName> name, Optional<JsonObject> settings, Optional<JsonObject> quotas) {
  private static final Set<String> BY_TENANT = Set.of("name", "settings");
  private static final Set<String> BY_PLATFORM = Set.of("name", "settings", "quotas");

  /** A tenant's own administrators: name and settings. */
  static TenantPatch byTenant(JsonObject patch) {
    return parse(patch, BY_TENANT);
  }

  /** The platform's administrators: the quotas too. */
  static TenantPatch byPlatform(JsonObject patch) {
    return parse(patch, BY_PLATFORM);
  }

  private static TenantPatch parse(JsonObject patch, Set<String> patchable) {
    Validation validation = MergePatch.check(patch, patchable);
    Optional<TenantName> name = Optional.empty();
    if (patch.containsKey("name")) {
      JsonValue value = patch.get("name");
      if (value.getValueType() != JsonValue.ValueType.STRING) {
        validation.reject("name", "must be a string");
      } else {
        name = Optional.ofNullable(validation.check(() -> new TenantName(patch.getString("name"))));
      }
    }
    Optional<JsonObject> settings = object(patch, "settings", validation);
    Optional<JsonObject> quotas = object(patch, "quotas", validation);
    validation.throwIfInvalid();
    return new TenantPatch(name, settings, quotas);
  }

  private static Optional<JsonObject> object(
      JsonObject patch, String field, Validation validation) {
    if (!patch.containsKey(field)) {
      return Optional.empty();
    }
    JsonValue value = patch.get(field);
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      validation.reject(field, "must be a JSON object");
      return Optional.empty();
    }
    return Optional.of(value.asJsonObject());
  }
}
