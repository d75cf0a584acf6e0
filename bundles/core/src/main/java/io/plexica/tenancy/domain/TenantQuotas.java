package io.plexica.tenancy.domain;

import io.plexica.shared.json.JsonText;
import io.plexica.shared.problem.Validation;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a tenant may hold at most, set by the platform's administrators (its plan): users,
 * workspaces, bytes of stored files, installed plugins. An absent quota is no limit. Lowering one
 * below what the tenant holds takes nothing away; it only refuses what would add more.
 */
public record TenantQuotas(Map<Quota, Long> limits) {
  public static final TenantQuotas NONE = new TenantQuotas(Map.of());

  /** The largest number accepted: far above any real tenant, below JSON's exact integers. */
  static final long MAX = 1_000_000_000_000_000L;

  public enum Quota {
    USERS("maxUsers", "users"),
    WORKSPACES("maxWorkspaces", "workspaces"),
    STORAGE_BYTES("maxStorageBytes", "bytes of stored files"),
    PLUGINS("maxPlugins", "installed plugins");

    private final String field;
    private final String what;

    Quota(String field, String what) {
      this.field = field;
      this.what = what;
    }

    public String field() {
      return field;
    }

    /** What it counts, in words: "installed plugins". */
    public String what() {
      return what;
    }
  }

  public TenantQuotas {
    limits = Map.copyOf(limits);
  }

  public Optional<Long> limit(Quota quota) {
    return Optional.ofNullable(limits.get(quota));
  }

  /**
   * The quotas a JSON object names ({@code {"maxUsers": 50}}), each a whole number from 0 up, or
   * null for no limit; {@code field} prefixes the names in the errors ({@code quotas.maxUsers}).
   */
  public static TenantQuotas parse(JsonObject json, String field) {
    Validation validation = new Validation();
    Map<Quota, Long> limits = new LinkedHashMap<>();
    for (Map.Entry<String, JsonValue> entry : json.entrySet()) {
      Optional<Quota> quota = named(entry.getKey());
      String name = field + "." + entry.getKey();
      if (quota.isEmpty()) {
        validation.reject(
            name, "is no quota: maxUsers, maxWorkspaces, maxStorageBytes, maxPlugins");
      } else if (entry.getValue().getValueType() == JsonValue.ValueType.NULL) {
        continue;
      } else if (!(entry.getValue() instanceof JsonNumber number)
          || !number.isIntegral()
          || number.bigDecimalValue().signum() < 0
          || number.bigDecimalValue().compareTo(java.math.BigDecimal.valueOf(MAX)) > 0) {
        validation.reject(name, "must be a whole number from 0 to " + MAX + ", or null for none");
      } else {
        limits.put(quota.get(), number.longValue());
      }
    }
    validation.throwIfInvalid();
    return new TenantQuotas(limits);
  }

  private static Optional<Quota> named(String field) {
    for (Quota quota : Quota.values()) {
      if (quota.field().equals(field)) {
        return Optional.of(quota);
      }
    }
    return Optional.empty();
  }

  public JsonObject toJson() {
    JsonObjectBuilder json = JsonText.PROVIDER.createObjectBuilder();
    for (Quota quota : Quota.values()) {
      limit(quota).ifPresent(limit -> json.add(quota.field(), limit));
    }
    return json.build();
  }
}
