package io.plexica.identity.domain;

import java.util.List;
import java.util.UUID;

/**
 * What a tenant's realm is made of: its name (the tenant's slug), the tenant's id (which every
 * token of the realm carries), the web app's redirect URIs, and the first administrator. {@code
 * adminPassword} is set only in development, where scripts log in with the password grant;
 * elsewhere the administrator chooses a password through Keycloak's required actions. A realm made
 * for people who move in from another identity home has no first administrator ({@code adminEmail}
 * null).
 */
public record TenantRealm(
    String name,
    UUID tenantId,
    String displayName,
    List<String> webRedirectUris,
    String adminEmail,
    String adminPassword) {

  /** The realm roles every tenant has. */
  public static final List<String> ROLES = List.of("admin", "user", "guest");

  /** A realm for people who move in from another identity home: no first administrator. */
  public static TenantRealm forMovedPeople(
      String name, UUID tenantId, String displayName, List<String> webRedirectUris) {
    return new TenantRealm(name, tenantId, displayName, webRedirectUris, null, null);
  }

  @Override
  public String toString() {
    // Never print the password, whatever logs this record.
    return "TenantRealm[" + name + ", admin " + adminEmail + "]";
  }
}
