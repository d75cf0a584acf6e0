package io.plexica.identity.infra;

import io.plexica.identity.app.Realms;
import io.plexica.identity.app.Realms.PeopleMove;
import io.plexica.identity.domain.IdentityStore;
import io.plexica.identity.domain.ServiceAccount;
import io.plexica.identity.domain.TenantRealm;
import io.plexica.identity.domain.TenantRole;
import io.plexica.identity.domain.TenantUser;
import io.plexica.shared.problem.ProblemException;
import io.plexica.tenancy.app.IdentityHomeMoves;
import io.plexica.tenancy.app.TenantService;
import io.plexica.tenancy.domain.IdentityHome;
import io.plexica.tenancy.domain.TenancyProblems;
import io.plexica.tenancy.domain.Tenant;
import io.plexica.tenancy.domain.TenantRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Moves a tenant's people with Plexica's Keycloak extension, which keeps their ids and credentials
 * and, into a realm of the tenant's own, gives them their roles in the same step. Who the tenant's
 * people are comes from the platform's mirror of them (the tenant's {@code users} and {@code
 * service_account} tables), the same rows that keep naming them after the move.
 */
public class KeycloakIdentityHomeMoves implements IdentityHomeMoves {
  private final Realms realms;
  private final IdentityStore store;
  private final KeycloakSettings settings;

  public KeycloakIdentityHomeMoves(Realms realms, IdentityStore store, KeycloakSettings settings) {
    this.realms = realms;
    this.store = store;
    this.settings = settings;
  }

  @Override
  public Optional<String> unavailable(TenantRef tenant) {
    return realms.canMovePeople(tenant.realm())
        ? Optional.empty()
        : Optional.of(
            "the identity provider lacks Plexica's Keycloak extension (docs/operations.md,"
                + " \"Keycloak's extension\")");
  }

  @Override
  public List<String> obstacles(TenantRef tenant, IdentityHome target) {
    if (target.isSharedRealm()) {
      realms.ensureSharedRealm(target.realm());
      return realms.movePeople(move(tenant, tenant.home(), target), true);
    }
    if (realms.exists(target.realm())) {
      return List.of("a realm named " + target.realm() + " exists already");
    }
    // The target is made later: check the people where they are.
    IdentityHome here = tenant.home();
    return realms.movePeople(
        move(tenant, here, new IdentityHome(here.kind(), here.realm(), null)), true);
  }

  @Override
  public IdentityHome prepare(Tenant tenant, IdentityHome target) {
    if (target.isSharedRealm()) {
      realms.ensureSharedRealm(target.realm());
      String organization =
          realms
              .organizationOfTenant(target.realm(), tenant.id())
              .orElseGet(
                  () ->
                      realms.createOrganization(
                          target.realm(), tenant.slug(), tenant.name(), tenant.id()));
      return new IdentityHome(IdentityHome.Kind.ORGANIZATION, target.realm(), organization);
    }
    realms.createTenantRealm(
        TenantRealm.forMovedPeople(
            target.realm(), tenant.id(), tenant.name(), settings.webRedirectUris()));
    realms.applyProfile(target.realm(), tenant.name(), TenantService.localeOf(tenant));
    return target;
  }

  @Override
  public Moved movePeople(TenantRef tenant, IdentityHome from, IdentityHome to) {
    if (!to.isSharedRealm()) {
      makeRoles(tenant, to.realm());
    }
    PeopleMove move = move(tenant, from, to);
    List<String> obstacles = realms.movePeople(move, false);
    if (!obstacles.isEmpty()) {
      throw new ProblemException(
          TenancyProblems.IDENTITY_MOVE_REFUSED,
          "Tenant '"
              + tenant.slug()
              + "' cannot move its people: "
              + String.join("; ", obstacles)
              + ".");
    }
    return new Moved(move.users().size(), move.clients().size());
  }

  /** A realm of the tenant's own mirrors the platform's roles (its tokens carry them). */
  private void makeRoles(TenantRef tenant, String realm) {
    List<TenantRole> roles = store.read(tenant, IdentityStore.Tx::roles);
    Set<String> there = realms.roleNames(realm);
    for (TenantRole role : roles) {
      if (!there.contains(role.name())) {
        realms.createRole(realm, role.name(), role.description());
      }
    }
  }

  @Override
  public boolean holdsPeople(TenantRef tenant, IdentityHome home) {
    List<String> people = people(tenant);
    return !people.isEmpty() && realms.hasUser(home.realm(), people.get(0));
  }

  @Override
  public void discard(TenantRef tenant, IdentityHome home) {
    if (!home.isSharedRealm()) {
      realms.delete(home.realm());
      return;
    }
    Optional.ofNullable(home.organization())
        .or(() -> realms.organizationOfTenant(home.realm(), tenant.id()))
        .ifPresent(organization -> realms.deleteOrganization(home.realm(), organization));
  }

  /** Everyone of the tenant, from one home to the other; into a realm of its own with roles. */
  private PeopleMove move(TenantRef tenant, IdentityHome from, IdentityHome to) {
    return store.read(
        tenant,
        tx -> {
          List<String> clients =
              tx.serviceAccounts().stream()
                  .map(ServiceAccount::clientUuid)
                  .map(String::valueOf)
                  .toList();
          Map<String, Set<String>> roles =
              to.isSharedRealm()
                  ? Map.of()
                  : tx.allUsers().stream()
                      .collect(Collectors.toMap(user -> user.id().toString(), TenantUser::roles));
          return new PeopleMove(
              from.realm(),
              from.organization(),
              to.realm(),
              to.organization(),
              people(tx),
              clients,
              roles);
        });
  }

  /** The tenant's people (not its service accounts, which move with their clients). */
  private List<String> people(TenantRef tenant) {
    return store.read(tenant, KeycloakIdentityHomeMoves::people);
  }

  private static List<String> people(IdentityStore.Tx tx) {
    return tx.allUsers().stream()
        .filter(user -> !user.isServiceAccount())
        .map(user -> user.id().toString())
        .toList();
  }
}
