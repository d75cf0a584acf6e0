package io.plexica.identity.app;

import io.plexica.identity.domain.Access;
import io.plexica.identity.domain.IdentityProblems;
import io.plexica.identity.domain.IdentityStore;
import io.plexica.identity.domain.RoleName;
import io.plexica.identity.domain.TenantRole;
import io.plexica.identity.domain.TenantUser;
import io.plexica.shared.problem.ProblemException;
import io.plexica.tenancy.domain.TenantRef;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The roles of one tenant and the permissions each grants. A custom role is also a realm role in
 * Keycloak, created and deleted in the same transaction that records it. {@code admin} is fixed;
 * {@code user} and {@code guest} may be given other permissions but not deleted. Nobody can grant
 * or take away a permission it does not hold itself, whichever way: creating a role, changing its
 * permissions or deleting it. Every change drops the tenant's cached permissions.
 */
public class RoleService {
  private final IdentityStore store;
  private final Realms realms;
  private final PermissionCatalog catalog;
  private final PermissionEngine engine;
  private final Clock clock;

  public RoleService(
      IdentityStore store,
      Realms realms,
      PermissionCatalog catalog,
      PermissionEngine engine,
      Clock clock) {
    this.store = store;
    this.realms = realms;
    this.catalog = catalog;
    this.engine = engine;
    this.clock = clock;
  }

  public List<TenantRole> list(TenantRef tenant) {
    return store.read(tenant, IdentityStore.Tx::roles);
  }

  public TenantRole get(TenantRef tenant, String name) {
    return store
        .read(tenant, tx -> tx.role(name))
        .orElseThrow(() -> IdentityProblems.roleNotFound(name));
  }

  public TenantRole create(
      TenantRef tenant, RoleName name, String description, Set<String> permissions, Access actor) {
    requireKnown(permissions);
    requireHeld(permissions, actor, "Granting");
    TenantRole created =
        store.inTransaction(
            tenant,
            tx -> {
              if (tx.role(name.value()).isPresent()) {
                throw new ProblemException(
                    IdentityProblems.ROLE_EXISTS,
                    "This tenant already has a role named '" + name.value() + "'.");
              }
              TenantRole role = new TenantRole(name, description, permissions, clock.instant());
              tx.add(role);
              if (!tenant.home().isSharedRealm()) {
                // A shared realm's roles would be every tenant's: there, the tables alone hold
                // them.
                realms.createRole(tenant.realm(), name.value(), description);
              }
              return role;
            });
    engine.changed(tenant);
    return created;
  }

  /**
   * Changes what is given: an empty optional leaves that part as it is; an empty description
   * removes it.
   */
  public TenantRole update(
      TenantRef tenant,
      String name,
      Optional<String> description,
      Optional<Set<String>> permissions,
      Access actor) {
    TenantRole updated =
        store.inTransaction(
            tenant,
            tx -> {
              TenantRole role =
                  tx.role(name).orElseThrow(() -> IdentityProblems.roleNotFound(name));
              if (RoleName.ADMIN.equals(role.name())) {
                throw new ProblemException(
                    IdentityProblems.BUILT_IN_ROLE,
                    "The admin role always grants every platform permission; it cannot be changed.");
              }
              description.ifPresent(d -> role.describe(d.isEmpty() ? null : d, clock.instant()));
              if (permissions.isPresent()) {
                requireKnown(permissions.get());
                requireHeld(changed(role.permissions(), permissions.get()), actor, "Changing");
                role.grantOnly(permissions.get(), clock.instant());
              }
              return role;
            });
    engine.changed(tenant);
    return updated;
  }

  public void delete(TenantRef tenant, String name, Access actor) {
    store.inTransaction(
        tenant,
        tx -> {
          TenantRole role = tx.role(name).orElseThrow(() -> IdentityProblems.roleNotFound(name));
          if (role.builtIn()) {
            throw new ProblemException(
                IdentityProblems.BUILT_IN_ROLE,
                "'" + name + "' is a built-in role; built-in roles cannot be deleted.");
          }
          // Its holders lose what it granted: that is a withdrawal like any other.
          requireHeld(role.permissions(), actor, "Deleting a role withdraws");
          for (TenantUser holder : tx.usersWithRole(name)) {
            Set<String> remaining = new TreeSet<>(holder.roles());
            remaining.remove(name);
            holder.replaceRoles(remaining, clock.instant());
          }
          tx.remove(role);
          if (!tenant.home().isSharedRealm()) {
            realms.deleteRole(tenant.realm(), name);
          }
          return null;
        });
    engine.changed(tenant);
  }

  /**
   * An installed plugin's permissions join {@code admin}, which always grants everything the tenant
   * has; other roles get them only when an administrator grants them.
   */
  public void grantToAdmin(TenantRef tenant, Set<String> permissions) {
    if (permissions.isEmpty()) {
      return;
    }
    store.inTransaction(
        tenant,
        tx -> {
          TenantRole admin = tx.role(RoleName.ADMIN).orElseThrow();
          Set<String> granted = new TreeSet<>(admin.permissions());
          granted.addAll(permissions);
          admin.grantOnly(granted, clock.instant());
          return null;
        });
    engine.changed(tenant);
  }

  /** An uninstalled plugin's permissions leave every role of the tenant. */
  public void revokeEverywhere(TenantRef tenant, Set<String> permissions) {
    if (permissions.isEmpty()) {
      return;
    }
    store.inTransaction(
        tenant,
        tx -> {
          for (TenantRole role : tx.roles()) {
            Set<String> kept = new TreeSet<>(role.permissions());
            if (kept.removeAll(permissions)) {
              role.grantOnly(kept, clock.instant());
            }
          }
          return null;
        });
    engine.changed(tenant);
  }

  private void requireKnown(Set<String> permissions) {
    Set<String> unknown = new TreeSet<>();
    permissions.stream().filter(p -> !catalog.knows(p)).forEach(unknown::add);
    if (!unknown.isEmpty()) {
      throw ProblemException.invalid(
          "permissions", "unknown permission " + String.join(", ", unknown));
    }
  }

  /** Permissions that a change from {@code before} to {@code after} grants or takes away. */
  private static Set<String> changed(Set<String> before, Set<String> after) {
    Set<String> changed = new TreeSet<>(before);
    changed.addAll(after);
    Set<String> kept = new TreeSet<>(before);
    kept.retainAll(after);
    changed.removeAll(kept);
    return changed;
  }

  /** Every permission a change grants or withdraws must be held by the actor. */
  private static void requireHeld(Set<String> changing, Access actor, String action) {
    Set<String> missing = new TreeSet<>(changing);
    missing.removeAll(actor.permissions());
    if (!missing.isEmpty()) {
      throw new ProblemException(
          IdentityProblems.PERMISSION_DENIED,
          action + " " + missing + " needs those permissions, which you do not hold.");
    }
  }
}
