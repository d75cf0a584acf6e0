package io.plexica.identity.domain;

import io.plexica.shared.id.CanonicalUuid;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * An access token whose signature, issuer, audience and lifetime were checked: who it speaks for
 * and in which realm. Holds the claims, never the token itself.
 */
public record VerifiedToken(String realm, JsonObject claims) {

  /**
   * The claim that binds a tenant realm's tokens to one tenant incarnation: its id, set by a
   * hard-coded claim mapper on every client of the realm at provisioning.
   */
  public static final String TENANT_ID_CLAIM = "plexica_tenant_id";

  /**
   * The claim that marks a service account's token, set by a hard-coded claim mapper on each
   * service-account client: such a token speaks only for an account the platform made, never for a
   * person mirrored at its first request.
   */
  public static final String SERVICE_ACCOUNT_CLAIM = "plexica_service_account";

  /**
   * The claim of Keycloak's organization mapper in a shared realm: the organizations the token was
   * issued for, each by alias with its id and attributes (the platform configures the mapper so).
   */
  public static final String ORGANIZATION_CLAIM = "organization";

  /**
   * The attribute the platform gives each organization it makes: the id of the tenant incarnation
   * the organization is the home of. Only the platform's Keycloak account can set it.
   */
  public static final String ORGANIZATION_TENANT_ATTRIBUTE = "plexica_tenant_id";

  /** The realm role that makes a platform-realm user a platform administrator. */
  public static final String PLATFORM_ADMIN_ROLE = "platform-admin";

  public String subject() {
    return claims.getString("sub", "");
  }

  public String username() {
    return claims.getString("preferred_username", subject());
  }

  public String email() {
    return claims.getString("email", null);
  }

  /** The address, only when the token says it was verified ({@code email_verified}). */
  public Optional<String> verifiedEmail() {
    return claims.getBoolean("email_verified", false)
        ? Optional.ofNullable(email())
        : Optional.empty();
  }

  public String name() {
    return claims.getString("name", username());
  }

  /**
   * The tenant incarnation the token was issued for: the tenant-id claim of a realm of the tenant's
   * own (or of a service account's client), else the tenant attribute of the one organization a
   * shared realm's token speaks for. Empty when it names none, or more than one organization.
   */
  public Optional<UUID> tenantId() {
    if (claims.containsKey(TENANT_ID_CLAIM)) {
      return CanonicalUuid.parse(claims.getString(TENANT_ID_CLAIM, null));
    }
    List<Organization> organizations = organizations();
    return organizations.size() == 1 ? organizations.get(0).tenantId() : Optional.empty();
  }

  /** An organization of a shared realm that the token speaks for. */
  public record Organization(String alias, String id, Optional<UUID> tenantId) {}

  /**
   * The organizations of the {@link #ORGANIZATION_CLAIM}; empty when the token has none, or the
   * claim is not in the shape the platform's shared realms give it (an object by alias, each with
   * its id).
   */
  public List<Organization> organizations() {
    if (!(claims.get(ORGANIZATION_CLAIM) instanceof JsonObject byAlias)) {
      return List.of();
    }
    List<Organization> organizations = new ArrayList<>();
    for (Map.Entry<String, JsonValue> entry : byAlias.entrySet()) {
      if (!(entry.getValue() instanceof JsonObject organization)
          || !(organization.get("id") instanceof JsonString id)) {
        return List.of();
      }
      organizations.add(new Organization(entry.getKey(), id.getString(), attribute(organization)));
    }
    return organizations;
  }

  private static Optional<UUID> attribute(JsonObject organization) {
    JsonValue values = organization.get(ORGANIZATION_TENANT_ATTRIBUTE);
    if (values instanceof JsonArray array
        && array.size() == 1
        && array.get(0) instanceof JsonString value) {
      return CanonicalUuid.parse(value.getString());
    }
    return Optional.empty();
  }

  public boolean isServiceAccount() {
    return claims.containsKey(SERVICE_ACCOUNT_CLAIM);
  }

  public Instant expiresAt() {
    return Instant.ofEpochSecond(claims.getJsonNumber("exp").longValue());
  }

  /** Realm roles, from Keycloak's {@code realm_access.roles}. */
  public Set<String> roles() {
    Set<String> roles = new LinkedHashSet<>();
    JsonValue access = claims.get("realm_access");
    if (access instanceof JsonObject object && object.get("roles") != null) {
      object
          .getJsonArray("roles")
          .getValuesAs(JsonString.class)
          .forEach(r -> roles.add(r.getString()));
    }
    return roles;
  }

  public boolean isPlatformAdmin(String platformRealm) {
    return realm.equals(platformRealm) && roles().contains(PLATFORM_ADMIN_ROLE);
  }
}
