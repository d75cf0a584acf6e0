package io.plexica.identity.app;

import io.plexica.identity.domain.TenantRealm;
import io.plexica.identity.domain.UserProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Realms in the identity provider: one for the platform's administrators, one per tenant, with the
 * users and roles of each. Every failure of the provider surfaces as {@code identity-unavailable}.
 */
public interface Realms {

  /** The realm of platform administrators; created with its first administrator when missing. */
  String PLATFORM_REALM = "plexica-platform";

  /** What the platform realm's sign-in page (the console's) calls it. */
  String PLATFORM_DISPLAY_NAME = "Plexica";

  /**
   * The platform realm's role of plugin vendors' accounts: they sign in to the console's vendor
   * pages and publish through {@code /api/v1/vendor}, nothing else.
   */
  String VENDOR_ROLE = "plugin-vendor";

  String VENDOR_ROLE_DESCRIPTION = "A plugin vendor: publishes its own plugins";

  /**
   * Creates the platform realm with its roles (platform administrators, plugin vendors), the
   * console's client and its first administrator when missing; adds a role an older realm lacks.
   */
  void ensurePlatformRealm();

  /**
   * Creates the shared realm when it is missing: organizations on, the web app's client, and tokens
   * that name the organization they were asked for with its id and tenant ({@code
   * scope=organization:<alias>}).
   */
  void ensureSharedRealm(String realm);

  /**
   * Makes a tenant's organization in a shared realm, with the tenant's id as an attribute that its
   * members' tokens carry; returns the organization's id.
   */
  String createOrganization(String realm, String alias, String name, UUID tenantId);

  /**
   * The id of the shared realm's organization made for this tenant incarnation (by its tenant
   * attribute); empty when there is none.
   */
  Optional<String> organizationOfTenant(String realm, UUID tenantId);

  /**
   * Deletes the organization with the accounts that belonged to it alone (a person who is also in
   * another organization of the realm keeps their account); nothing happens when it is gone.
   */
  void deleteOrganization(String realm, String organizationId);

  /** Makes the realm's user a member of the organization. */
  void joinOrganization(String realm, String organizationId, String userId);

  /** Whether the realm's user is a member of the organization. */
  boolean isMember(String realm, String organizationId, String userId);

  /** Removes the user from the organization, and from the realm when it is in no other. */
  void leaveOrganization(String realm, String organizationId, String userId);

  /**
   * The organization's members, without roles: in a shared realm the platform's own tables hold a
   * person's roles and whether they may use the tenant.
   */
  List<RealmUser> members(String realm, String organizationId);

  /** Creates the realm with its roles, clients and first administrator, in one request. */
  void createTenantRealm(TenantRealm realm);

  /**
   * Makes every token of the tenant's realm carry the tenant's id (realms made before tokens were
   * bound to tenant incarnations lack it); nothing changes when they already do.
   */
  void bindToTenant(String realm, UUID tenantId);

  /**
   * Shows the tenant's name on the realm's pages (in the project's login theme) and makes its
   * language ({@code locale}, English when empty) the default of its login pages and mails; people
   * may still choose another. The realm also gets the platform's current mail settings in the same
   * update: its SMTP server and, when mail can be sent, "Forgot password?" on its login page.
   */
  void applyProfile(String realm, String displayName, Optional<String> locale);

  /**
   * A digest of everything {@link #applyProfile} and {@link #bindToTenant} would write to the
   * realm, keyed with a secret of the platform so that it reveals nothing of the mail settings: a
   * realm whose stored digest equals it needs no update at start-up. Empty when it cannot be told,
   * and the realm is then always updated.
   */
  default Optional<String> profileDigest(
      String realm, String displayName, Optional<String> locale) {
    return Optional.empty();
  }

  /**
   * Mails the user Keycloak's link to set a password, which also confirms the address, and then
   * leads to {@code redirectUri} (a page of the realm's web app); valid for {@code validity}.
   * False, and nothing sent, when no mail server is configured; {@code mail-unavailable} when the
   * mail cannot be sent.
   */
  boolean mailAccountSetup(String realm, String userId, String redirectUri, Duration validity);

  /** The id of the realm's user with this e-mail address, if any. */
  Optional<String> userIdByEmail(String realm, String email);

  /** Deletes the realm; nothing happens when it does not exist. */
  void delete(String realm);

  /**
   * Whether the identity provider can move people between realms: Keycloak with Plexica's extension
   * (bundles/keycloak-extension), checked in {@code realm}, which the platform administers.
   */
  boolean canMovePeople(String realm);

  /**
   * Moves people (users by id) and service clients (by internal id, with their service-account
   * users) from one realm or organization to another, keeping their ids and stored credentials, all
   * or nothing. Returns what stops the move (a person's e-mail taken in the target, a person also
   * in another organization of the source, ...), in which case nothing moved; {@code dryRun} only
   * reports it.
   */
  List<String> movePeople(PeopleMove move, boolean dryRun);

  /**
   * Who moves where; organizations are null where the side is a realm of its own. {@code roles}:
   * the target realm's roles each user (person or service-account user, by id) gets there.
   */
  record PeopleMove(
      String fromRealm,
      String fromOrganization,
      String toRealm,
      String toOrganization,
      List<String> users,
      List<String> clients,
      Map<String, Set<String>> roles) {
    public PeopleMove {
      users = List.copyOf(users);
      clients = List.copyOf(clients);
      roles = Map.copyOf(roles);
    }
  }

  /** Whether the realm has a user with this id. */
  boolean hasUser(String realm, String userId);

  boolean exists(String realm);

  /** Whether the realm exists and is enabled. */
  boolean isEnabled(String realm);

  /** A disabled realm issues no tokens and refuses logins. */
  void setEnabled(String realm, boolean enabled);

  /** A user of a realm with those of its realm roles the platform manages. */
  record RealmUser(String id, UserProfile profile, boolean enabled, Set<String> roles) {}

  /**
   * A user to create. Without {@code temporaryPassword} the user must set a password and verify the
   * address through Keycloak's required actions; with it, must change it at first login (unless
   * {@code finalPassword}).
   */
  record NewRealmUser(
      UserProfile profile, Set<String> roles, String temporaryPassword, boolean finalPassword) {
    public NewRealmUser(UserProfile profile, Set<String> roles, String temporaryPassword) {
      this(profile, roles, temporaryPassword, false);
    }

    /**
     * A development platform's first administrator: the password is final and the address taken as
     * verified, so that scripted logins work at once.
     */
    public static NewRealmUser withFinalPassword(UserProfile profile, String password) {
      return new NewRealmUser(profile, Set.of(), password, true);
    }

    @Override
    public String toString() {
      return "NewRealmUser[" + profile.username() + ", roles " + roles + "]";
    }
  }

  /** Creates the user with its roles and returns its id; {@code user-exists} when taken. */
  String createUser(String realm, NewRealmUser user);

  /** Deletes the user; nothing happens when it does not exist. */
  void deleteUser(String realm, String userId);

  /** Disabling also ends the user's sessions, so its refresh tokens stop working too. */
  void setUserEnabled(String realm, String userId, boolean enabled);

  /** The user holds exactly {@code roles} among {@code managed}; other realm roles stay. */
  void setUserRoles(String realm, String userId, Set<String> roles, Set<String> managed);

  /** Every user of the realm, with the roles among {@code managed} each holds. */
  List<RealmUser> users(String realm, Set<String> managed);

  /** The names of the realm's roles, Keycloak's own included. */
  Set<String> roleNames(String realm);

  /** Creates a realm role; nothing happens when it exists. */
  void createRole(String realm, String role, String description);

  /** Deletes a realm role; nothing happens when it does not exist. */
  void deleteRole(String realm, String role);

  /**
   * A confidential client that gets tokens with the client-credentials grant, and the realm user
   * those tokens speak for.
   */
  record ServiceClient(UUID clientUuid, String userId, String username, String secret) {
    @Override
    public String toString() {
      return "ServiceClient[" + clientUuid + ", " + username + "]";
    }
  }

  /**
   * Creates a client for a program of the tenant: client credentials only (no browser flow, no
   * password grant), tokens for the platform's API bound to the tenant incarnation like every other
   * token of the realm, and marked as a service account's.
   */
  ServiceClient createServiceClient(
      String realm, UUID tenantId, String clientId, String description);

  /** A new secret for the client; the previous one stops working at once. */
  String newServiceClientSecret(String realm, UUID clientUuid);

  /** A disabled client gets no tokens. */
  void setServiceClientEnabled(String realm, UUID clientUuid, boolean enabled);

  /** Deletes the client with its service-account user; nothing happens when it does not exist. */
  void deleteServiceClient(String realm, UUID clientUuid);
}
