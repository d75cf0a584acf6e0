package io.plexica.tenancy.domain;

import java.util.Optional;

/**
 * Where a tenant's people and tokens live: a Keycloak realm of its own, or an organization in a
 * realm that several tenants share. Every realm-level setting (theme, mail, password policy,
 * identity providers) belongs to the realm; in a shared realm, the tenant owns only its
 * organization and the platform's own tables decide its roles.
 *
 * @param kind which of the two
 * @param realm the realm that issues the tenant's tokens
 * @param organization the Keycloak id of the tenant's organization in a shared realm; null for a
 *     realm of its own, and until provisioning has made the organization
 */
public record IdentityHome(Kind kind, String realm, String organization) {

  /**
   * The names of realms that several tenants share, each tenant an organization in one, are this
   * and a number: the underscore, which no tenant slug has, keeps them apart from tenants' realms.
   */
  public static final String SHARED_REALM_PREFIX = "plexica_shard_";

  public enum Kind {
    /** A realm of the tenant's own, named by its slug. */
    REALM,
    /** An organization in a shared realm ("shard realm"). */
    ORGANIZATION
  }

  public IdentityHome {
    if (kind == Kind.REALM && organization != null) {
      throw new IllegalArgumentException("A realm of a tenant's own has no organization");
    }
  }

  /** A realm of the tenant's own. */
  public static IdentityHome ownRealm(String realm) {
    return new IdentityHome(Kind.REALM, realm, null);
  }

  /** An organization in the shared {@code realm}, still to be made. */
  public static IdentityHome organizationIn(String realm) {
    return new IdentityHome(Kind.ORGANIZATION, realm, null);
  }

  public boolean isSharedRealm() {
    return kind == Kind.ORGANIZATION;
  }

  /** The tenant's organization, once made, when its realm is shared. */
  public Optional<String> sharedRealmOrganization() {
    return Optional.ofNullable(organization);
  }
}
