package io.plexica.identity.domain;

import io.plexica.shared.id.CanonicalUuid;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.LinkedHashSet;
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

  /** The tenant incarnation the token was issued for; empty when it names none (or no UUID). */
  public Optional<UUID> tenantId() {
    return CanonicalUuid.parse(claims.getString(TENANT_ID_CLAIM, null));
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
