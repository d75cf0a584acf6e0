package io.plexica.tenancy.app;

import io.plexica.tenancy.domain.IdentityHome;
import io.plexica.tenancy.domain.Tenant;
import io.plexica.tenancy.domain.TenantRef;
import java.util.List;
import java.util.Optional;

/**
 * The identity provider's part in moving a tenant's people between identity homes, for {@link
 * IdentityMoves}; the identity module implements it. People and service accounts keep their ids and
 * credentials: the platform's rows and a plugin's rows that name a person stay right.
 */
public interface IdentityHomeMoves {

  /** Why no tenant can move now (the provider cannot move people); empty when they can. */
  Optional<String> unavailable(TenantRef tenant);

  /**
   * What would stop the tenant's people from moving to {@code target} (a person also in another
   * organization, an address taken there, ...), in words an operator understands; empty when
   * nothing. A shared realm named as target is made when missing.
   */
  List<String> obstacles(TenantRef tenant, IdentityHome target);

  /**
   * Makes the target: a realm of the tenant's own without people, or the tenant's organization in
   * the shared realm; returns it as made (with the organization's id).
   */
  IdentityHome prepare(Tenant tenant, IdentityHome target);

  /**
   * Moves every person and service account of the tenant from {@code from} to {@code to}, all or
   * nothing; a realm of its own also gets their roles. {@code tenant-identity-move-refused} when
   * something stops it, and then nothing moved.
   */
  Moved movePeople(TenantRef tenant, IdentityHome from, IdentityHome to);

  /** How many moved. */
  record Moved(int people, int serviceAccounts) {}

  /** Whether the tenant's people are in {@code home} now (after a move into it). */
  boolean holdsPeople(TenantRef tenant, IdentityHome home);

  /**
   * Removes a home the tenant no longer uses: its realm, or its organization (found by its tenant
   * attribute when the home does not name it). Nothing happens when it is gone.
   */
  void discard(TenantRef tenant, IdentityHome home);
}
