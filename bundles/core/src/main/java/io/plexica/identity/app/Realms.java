package io.plexica.identity.app;

import io.plexica.identity.domain.TenantRealm;

/** Realms in the identity provider: one for the platform's administrators, one per tenant. */
public interface Realms {

  /** The realm of platform administrators; created with its first administrator when missing. */
  String PLATFORM_REALM = "plexica-platform";

  void ensurePlatformRealm();

  /** Creates the realm with its roles, clients and first administrator, in one request. */
  void createTenantRealm(TenantRealm realm);

  /** Deletes the realm; nothing happens when it does not exist. */
  void delete(String realm);

  boolean exists(String realm);

  /** Whether the realm exists and is enabled. */
  boolean isEnabled(String realm);

  /** A disabled realm issues no tokens and refuses logins. */
  void setEnabled(String realm, boolean enabled);
}
