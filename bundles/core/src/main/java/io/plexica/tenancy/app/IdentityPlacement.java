package io.plexica.tenancy.app;

import io.plexica.tenancy.domain.IdentityHome;
import io.plexica.tenancy.domain.TenantRepository;
import io.plexica.tenancy.domain.TenantSlug;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Decides where a new tenant's people live: a realm of its own (named by its slug), or an
 * organization in the first shared realm with room, {@code capacity} tenants each. The kind is the
 * one asked for, else the platform's policy. Two tenants placed at the same moment may both take
 * the last place of a realm: the capacity is a target, not a hard wall.
 */
public class IdentityPlacement {
  private final Supplier<Map<String, Long>> sharedRealmSizes;
  private final IdentityHome.Kind byDefault;
  private final int capacity;
  private final int firstNumber;

  public IdentityPlacement(TenantRepository tenants, IdentityHome.Kind byDefault, int capacity) {
    this(tenants, byDefault, capacity, 1);
  }

  /**
   * Shared realms numbered from {@code firstNumber}: tests that make shared realms with another
   * Keycloak account than the platform's keep to realms of their own (Keycloak lets only a realm's
   * creator administer it).
   */
  public IdentityPlacement(
      TenantRepository tenants, IdentityHome.Kind byDefault, int capacity, int firstNumber) {
    this(tenants::sharedRealmSizes, byDefault, capacity, firstNumber);
  }

  /** {@code sharedRealmSizes}: how many tenants each shared realm holds now. */
  IdentityPlacement(
      Supplier<Map<String, Long>> sharedRealmSizes,
      IdentityHome.Kind byDefault,
      int capacity,
      int firstNumber) {
    if (capacity < 1) {
      throw new IllegalArgumentException("A shared realm holds at least one tenant");
    }
    this.sharedRealmSizes = sharedRealmSizes;
    this.byDefault = byDefault;
    this.capacity = capacity;
    this.firstNumber = firstNumber;
  }

  public IdentityHome place(TenantSlug slug, Optional<IdentityHome.Kind> asked) {
    if (asked.orElse(byDefault) == IdentityHome.Kind.REALM) {
      return IdentityHome.ownRealm(slug.value());
    }
    Map<String, Long> sizes = sharedRealmSizes.get();
    for (int number = firstNumber; ; number++) {
      String realm = IdentityHome.SHARED_REALM_PREFIX + number;
      if (sizes.getOrDefault(realm, 0L) < capacity) {
        return IdentityHome.organizationIn(realm);
      }
    }
  }
}
