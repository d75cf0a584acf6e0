package io.plexica.identity.app;

import io.plexica.audit.domain.AuditEntry;
import io.plexica.audit.domain.AuditEntry.Actor;
import io.plexica.identity.app.Realms.ServiceClient;
import io.plexica.identity.domain.Access;
import io.plexica.identity.domain.IdentityProblems;
import io.plexica.identity.domain.IdentityStore;
import io.plexica.identity.domain.ServiceAccount;
import io.plexica.identity.domain.TenantUser;
import io.plexica.shared.problem.ProblemException;
import io.plexica.tenancy.domain.TenantRef;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The service accounts of one tenant: programs that call the API with tokens they get from the
 * tenant's realm by the client-credentials grant, authorized by roles of their own like people.
 * Each is a confidential client in Keycloak and a user here; the client is made or changed in
 * Keycloak inside the database transaction that records it, and removed again when that transaction
 * fails, so neither side is left half-made.
 *
 * <p>The hand-out rule of people's roles holds: giving or withdrawing a role needs every permission
 * it grants. The secret is shown once, when made or rotated; the platform never stores it.
 */
public class ServiceAccountService {
  /** How many service accounts one tenant may have: each is a client in its realm. */
  public static final int MAX_PER_TENANT = 50;

  private static final String CLIENT_PREFIX = "sa-";
  private static final int CLIENT_NAME_PART = 40;

  private final IdentityStore store;
  private final Realms realms;
  private final PermissionEngine engine;
  private final Clock clock;
  private final String keycloakUrl;
  private final PeopleMoving moving;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param keycloakUrl Keycloak's address as programs reach it, for the token endpoint shown with
   *     each secret
   */
  public ServiceAccountService(
      IdentityStore store,
      Realms realms,
      PermissionEngine engine,
      Clock clock,
      String keycloakUrl,
      PeopleMoving moving) {
    this.moving = moving;
    this.store = store;
    this.realms = realms;
    this.engine = engine;
    this.clock = clock;
    this.keycloakUrl =
        keycloakUrl.endsWith("/")
            ? keycloakUrl.substring(0, keycloakUrl.length() - 1)
            : keycloakUrl;
  }

  /** An account with the user that holds its roles and state. */
  public record Details(ServiceAccount account, TenantUser user) {}

  /** What a program needs to get tokens; the secret is not kept anywhere by the platform. */
  public record Credentials(String clientId, String clientSecret, String tokenEndpoint) {
    @Override
    public String toString() {
      return "Credentials[" + clientId + ", " + tokenEndpoint + "]";
    }
  }

  public record Created(Details details, Credentials credentials) {}

  /** What a change may touch; empty means unchanged. */
  public record Changes(
      Optional<String> name,
      Optional<Optional<String>> description,
      Optional<Set<String>> roles,
      Optional<Boolean> enabled) {}

  public List<Details> list(TenantRef tenant) {
    return store.read(
        tenant,
        tx ->
            tx.serviceAccounts().stream()
                .map(a -> new Details(a, tx.user(a.id()).orElseThrow()))
                .toList());
  }

  public Details get(TenantRef tenant, UUID id) {
    return store.read(tenant, tx -> details(tx, id));
  }

  /** What a new service account is to be: its name, description and roles. */
  public record NewAccount(String name, String description, Set<String> roles) {}

  public Created create(TenantRef tenant, NewAccount wanted, Access creator, Actor by) {
    store.read(
        tenant,
        tx -> {
          UserService.requireKnownRoles(tx, wanted.roles());
          UserService.requireCanHandOut(tx, creator, wanted.roles());
          if (tx.serviceAccounts().size() >= MAX_PER_TENANT) {
            throw new ProblemException(
                IdentityProblems.SERVICE_ACCOUNT_LIMIT,
                "The tenant has "
                    + MAX_PER_TENANT
                    + " service accounts, the most it may have;"
                    + " delete one first.");
          }
          requireFreeName(tx, wanted.name(), null);
          return null;
        });
    String clientId = clientId(wanted.name());
    moving.requireSettled(tenant);
    ServiceClient client =
        realms.createServiceClient(tenant.realm(), tenant.id(), clientId, wanted.description());
    try {
      Details made =
          store.inTransaction(
              tenant,
              tx -> {
                requireFreeName(tx, wanted.name(), null);
                TenantUser user =
                    TenantUser.serviceAccount(
                        UUID.fromString(client.userId()),
                        client.username(),
                        wanted.roles(),
                        clock.instant());
                tx.add(user);
                ServiceAccount account =
                    new ServiceAccount(
                        user.id(),
                        wanted.name(),
                        wanted.description(),
                        clientId,
                        client.clientUuid(),
                        by.name(),
                        clock.instant());
                tx.add(account);
                Details details = new Details(account, user);
                audit(tx, by, "service_account.created", account, null, state(details));
                return details;
              });
      engine.changed(tenant);
      return new Created(made, credentials(tenant, clientId, client.secret()));
    } catch (RuntimeException e) {
      realms.deleteServiceClient(tenant.realm(), client.clientUuid());
      throw e;
    }
  }

  public Details change(TenantRef tenant, UUID id, Changes changes, Access actor, Actor by) {
    Details changed =
        store.inTransaction(
            tenant,
            tx -> {
              Details details = details(tx, id);
              ServiceAccount account = details.account();
              TenantUser user = details.user();
              Map<String, Object> before = state(details);
              if (changes.name().isPresent() || changes.description().isPresent()) {
                String name = changes.name().orElse(account.name());
                requireFreeName(tx, name, id);
                account.describe(
                    name,
                    changes.description().map(d -> d.orElse(null)).orElse(account.description()),
                    clock.instant());
              }
              if (changes.roles().isPresent()) {
                Set<String> roles = changes.roles().get();
                UserService.requireKnownRoles(tx, roles);
                UserService.requireCanReplace(tx, actor, user.roles(), roles);
                user.replaceRoles(roles, clock.instant());
              }
              if (changes.enabled().isPresent() && changes.enabled().get() != user.enabled()) {
                // Turning a program off or on is handing out or withdrawing what it holds.
                UserService.requireCanHandOut(tx, actor, user.roles());
                user.setEnabled(changes.enabled().get(), clock.instant());
                realms.setServiceClientEnabled(
                    tenant.realm(), account.clientUuid(), changes.enabled().get());
              }
              Map<String, Object> after = state(details);
              if (!after.equals(before)) {
                account.touch(clock.instant());
                audit(tx, by, "service_account.changed", account, before, after);
              }
              return details;
            });
    engine.changed(tenant);
    return changed;
  }

  /** A new secret; the old one stops working at once, tokens already issued run out. */
  public Credentials rotateSecret(TenantRef tenant, UUID id, Access actor, Actor by) {
    return store.inTransaction(
        tenant,
        tx -> {
          Details details = details(tx, id);
          // Whoever can take the secret can act with the account's roles.
          UserService.requireCanHandOut(tx, actor, details.user().roles());
          ServiceAccount account = details.account();
          String secret = realms.newServiceClientSecret(tenant.realm(), account.clientUuid());
          account.secretRotated(clock.instant());
          audit(tx, by, "service_account.secret_rotated", account, null, state(details));
          return credentials(tenant, account.clientId(), secret);
        });
  }

  /** Deletes the account and its client; its tokens are refused from the next request on. */
  public void delete(TenantRef tenant, UUID id, Access actor, Actor by) {
    moving.requireSettled(tenant);
    store.inTransaction(
        tenant,
        tx -> {
          Details details = details(tx, id);
          UserService.requireCanHandOut(tx, actor, details.user().roles());
          audit(tx, by, "service_account.deleted", details.account(), state(details), null);
          tx.remove(details.account());
          realms.deleteServiceClient(tenant.realm(), details.account().clientUuid());
          return null;
        });
    engine.changed(tenant);
  }

  private static Details details(IdentityStore.Tx tx, UUID id) {
    ServiceAccount account =
        tx.serviceAccount(id).orElseThrow(() -> IdentityProblems.serviceAccountNotFound(id));
    return new Details(account, tx.user(id).orElseThrow());
  }

  private static void requireFreeName(IdentityStore.Tx tx, String name, UUID self) {
    tx.serviceAccountByName(name)
        .filter(other -> !other.id().equals(self))
        .ifPresent(
            other -> {
              throw new ProblemException(
                  IdentityProblems.SERVICE_ACCOUNT_EXISTS,
                  "The tenant already has a service account named '" + other.name() + "'.");
            });
  }

  /** Readable and unique: {@code sa-}, the name in lower-case words, a random suffix. */
  private String clientId(String name) {
    String words =
        name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    if (words.length() > CLIENT_NAME_PART) {
      words = words.substring(0, CLIENT_NAME_PART).replaceAll("-+$", "");
    }
    byte[] suffix = new byte[4];
    random.nextBytes(suffix);
    return CLIENT_PREFIX + (words.isEmpty() ? "" : words + "-") + HexFormat.of().formatHex(suffix);
  }

  private Credentials credentials(TenantRef tenant, String clientId, String secret) {
    return new Credentials(
        clientId,
        secret,
        keycloakUrl + "/realms/" + tenant.realm() + "/protocol/openid-connect/token");
  }

  private static Map<String, Object> state(Details details) {
    Map<String, Object> state = new HashMap<>();
    state.put("name", details.account().name());
    state.put("clientId", details.account().clientId());
    state.put("enabled", details.user().enabled());
    state.put("roles", new TreeSet<>(details.user().roles()));
    return state;
  }

  private void audit(
      IdentityStore.Tx tx,
      Actor by,
      String action,
      ServiceAccount account,
      Map<String, Object> before,
      Map<String, Object> after) {
    tx.audit(
        AuditEntry.ofTenant(
            clock.instant(),
            by,
            action,
            "service_account",
            account.id().toString(),
            before,
            after));
  }
}
