package io.plexica.tenancy.api;

import io.plexica.shared.web.MergePatch;
import io.plexica.tenancy.domain.TenantName;
import jakarta.json.JsonObject;
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

  private static TenantPatch parse(JsonObject body, Set<String> patchable) {
    return MergePatch.read(
        body,
        patchable,
        patch ->
            new TenantPatch(
                patch.text("name", TenantName::new),
                patch.object("settings"),
                patch.object("quotas")));
  }
}
