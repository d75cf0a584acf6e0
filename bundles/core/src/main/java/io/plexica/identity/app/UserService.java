package io.plexica.identity.app;

import io.plexica.audit.domain.AuditEntry;
import io.plexica.audit.domain.AuditEntry.Actor;
import io.plexica.identity.app.Realms.NewRealmUser;
import io.plexica.identity.app.Realms.RealmUser;
import io.plexica.identity.domain.Access;
import io.plexica.identity.domain.IdentityProblems;
import io.plexica.identity.domain.IdentityStore;
import io.plexica.identity.domain.RoleName;
import io.plexica.identity.domain.TenantUser;
import io.plexica.identity.domain.UserPage;
import io.plexica.identity.domain.UserProfile;
import io.plexica.identity.domain.UserQuery;
import io.plexica.shared.hooks.ExtensionPoints;
import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.web.WebAppLinks;
import io.plexica.tenancy.app.QuotaGuard;
import io.plexica.tenancy.domain.TenantQuotas.Quota;
import io.plexica.tenancy.domain.TenantRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The users of one tenant: mirrored from its realm, invited, disabled and enabled, given roles.
 * Each change is made in Keycloak inside the database transaction that records it, so a refusal of
 * either leaves both as they were; the permission cache is dropped once it is committed.
 *
 * <p>Nobody can hand out more than it holds: assigning or withdrawing a role needs every permission
 * the role grants. And a tenant always keeps one enabled administrator.
 *
 * <p>Every change made by a person, a tenant administrator or a platform administrator in the
 * console, leaves an entry in the tenant's audit trail, in the transaction of the change.
 */
public class UserService {
  private final IdentityStore store;
  private final QuotaGuard quotas;
  private final Realms realms;
  private final PermissionEngine engine;
  private final Clock clock;
  private final ExtensionPoints extensions;
  private final WebAppLinks links;
  private final PeopleMoving moving;

  /** How long the link to set a first password works. */
  public static final Duration SETUP_LINK_VALIDITY = Duration.ofDays(7);

  public UserService(IdentityStore store, Realms realms, PermissionEngine engine, Clock clock) {
    this(
        store,
        realms,
        engine,
        clock,
        ExtensionPoints.NONE,
        WebAppLinks.of(null, java.util.List.of()),
        QuotaGuard.NONE,
        PeopleMoving.NEVER);
  }

  /**
   * Announces {@code user.created} for invited users and users a sync brought in; mails invited
   * people a link to set their password that leads into the web app at {@code links}; refuses a new
   * user past the tenant's quota of users, and any new or removed account while the tenant's people
   * are {@code moving} to another identity home.
   */
  public UserService(
      IdentityStore store,
      Realms realms,
      PermissionEngine engine,
      Clock clock,
      ExtensionPoints extensions,
      WebAppLinks links,
      QuotaGuard quotas,
      PeopleMoving moving) {
    this.quotas = quotas;
    this.moving = moving;
    this.store = store;
    this.realms = realms;
    this.engine = engine;
    this.clock = clock;
    this.extensions = extensions;
    this.links = links;
  }

  /** An invitation: who, which roles, and optionally a first password to change at first login. */
  public record Invitation(UserProfile profile, Set<String> roles, String temporaryPassword) {
    @Override
    public String toString() {
      return "Invitation[" + profile.username() + ", roles " + roles + "]";
    }
  }

  /** What a sync with the realm changed. */
  public record SyncReport(int created, int updated, int removed, int unchanged) {}

  public UserPage search(TenantRef tenant, UserQuery query) {
    return store.read(tenant, tx -> tx.search(query));
  }

  public TenantUser get(TenantRef tenant, UUID id) {
    return store.read(tenant, tx -> person(tx, id));
  }

  /** A person of the tenant; a service account is not one (it has endpoints of its own). */
  private static TenantUser person(IdentityStore.Tx tx, UUID id) {
    return tx.user(id)
        .filter(u -> !u.isServiceAccount())
        .orElseThrow(() -> IdentityProblems.userNotFound(id));
  }

  public TenantUser invite(TenantRef tenant, Invitation invitation, Access inviter, Actor by) {
    store.read(
        tenant,
        tx -> {
          requireKnownRoles(tx, invitation.roles());
          requireCanHandOut(tx, inviter, invitation.roles());
          return null;
        });
    return create(tenant, invitation, links.home(tenant.slug()), by);
  }

  /**
   * Brings a person invited to a workspace into the tenant: an account with the {@code guest} role
   * only (reading the tenant; what it may do in the workspace comes from the invitation), and, when
   * the account is new, a mail whose link sets a password and then leads to {@code landing}. An
   * account the person already has in a shared realm is kept and joins the tenant's organization.
   *
   * @return whether the account was made now (and its setup link mailed)
   */
  public boolean admitGuest(TenantRef tenant, String email, String landing) {
    return admit(
            tenant,
            new Invitation(new UserProfile(email, email, null, null), Set.of("guest"), null),
            landing,
            Actor.PLATFORM)
        .accountMade();
  }

  private TenantUser create(TenantRef tenant, Invitation invitation, String landing, Actor by) {
    return admit(tenant, invitation, landing, by).user();
  }

  /** A person brought into the tenant, and whether their account was made for it. */
  private record Admission(TenantUser user, boolean accountMade) {}

  private Admission admit(TenantRef tenant, Invitation invitation, String landing, Actor by) {
    quotas.requireRoom(
        tenant, Quota.USERS, () -> store.read(tenant, tx -> tx.allUsers().size()), 1);
    Account account = account(tenant, invitation);
    String id = account.id();
    if (account.made() && invitation.temporaryPassword() == null) {
      // Without a first password the person gets in only through the mailed link; an account
      // nobody can reach is not left behind when the mail cannot be sent.
      try {
        realms.mailAccountSetup(tenant.realm(), id, landing, SETUP_LINK_VALIDITY);
      } catch (RuntimeException e) {
        removeAccount(tenant, id);
        throw e;
      }
    }
    TenantUser invited;
    try {
      invited =
          store.inTransaction(
              tenant,
              tx -> {
                tx.userByUsername(invitation.profile().username()).ifPresent(tx::remove);
                TenantUser user =
                    new TenantUser(
                        UUID.fromString(id),
                        invitation.profile(),
                        true,
                        invitation.roles(),
                        clock.instant());
                tx.add(user);
                tx.publish(UserEvents.event("created", tenant, user));
                audit(tx, by, "user.invited", user, null, state(user));
                return user;
              });
    } catch (RuntimeException e) {
      removeAccount(tenant, id);
      throw e;
    }
    extensions.announce(
        UserEvents.created(tenant, invited.id(), invited.profile(), invited.roles()));
    return new Admission(invited, account.made());
  }

  /** A person's account in the tenant's realm, and whether it was made just now. */
  private record Account(String id, boolean made) {}

  /**
   * The account for a new person: a new user of the tenant's own realm with its roles; in a shared
   * realm, the account the address already has there (a person in several organizations has one) or
   * a new one, made a member of the tenant's organization.
   */
  private Account account(TenantRef tenant, Invitation invitation) {
    moving.requireSettled(tenant);
    NewRealmUser wanted =
        new NewRealmUser(invitation.profile(), invitation.roles(), invitation.temporaryPassword());
    if (!tenant.home().isSharedRealm()) {
      return new Account(realms.createUser(tenant.realm(), wanted), true);
    }
    return organizationAccount(
        tenant,
        invitation.profile(),
        new NewRealmUser(invitation.profile(), Set.of(), invitation.temporaryPassword()));
  }

  /**
   * In a shared realm: the account the address already has there, or {@code ifNew} made, joined to
   * the tenant's organization; an account made here is removed again when it cannot join.
   */
  private Account organizationAccount(TenantRef tenant, UserProfile profile, NewRealmUser ifNew) {
    String organization = organizationOf(tenant);
    Optional<String> existing =
        Optional.ofNullable(profile.email())
            .flatMap(email -> realms.userIdByEmail(tenant.realm(), email));
    String id = existing.orElseGet(() -> realms.createUser(tenant.realm(), ifNew));
    try {
      realms.joinOrganization(tenant.realm(), organization, id);
    } catch (RuntimeException e) {
      if (existing.isEmpty()) {
        realms.deleteUser(tenant.realm(), id);
      }
      throw e;
    }
    return new Account(id, existing.isEmpty());
  }

  /** Takes the person out of the tenant's realm, or out of its organization in a shared one. */
  private void removeAccount(TenantRef tenant, String id) {
    moving.requireSettled(tenant);
    if (tenant.home().isSharedRealm()) {
      realms.leaveOrganization(tenant.realm(), organizationOf(tenant), id);
    } else {
      realms.deleteUser(tenant.realm(), id);
    }
  }

  private static String organizationOf(TenantRef tenant) {
    return tenant
        .home()
        .sharedRealmOrganization()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Tenant " + tenant.slug() + " has no organization in its shared realm yet"));
  }

  /**
   * The first administrator of a tenant whose people live in an organization of a shared realm: the
   * account the address has in that realm (a person in another organization keeps theirs) or a new
   * one, made a member of the organization, and the tenant's administrator in the platform's
   * tables, where a shared realm's roles live. A new account gets the mail to set its password, or
   * {@code devPassword} on a development platform. Undone by deleting the organization.
   */
  public void admitAdministrator(
      TenantRef tenant, String email, String displayName, String devPassword, String landing) {
    UserProfile profile = new UserProfile(email, email, "Administrator", displayName);
    Account account =
        organizationAccount(
            tenant,
            profile,
            devPassword != null
                ? NewRealmUser.withFinalPassword(profile, devPassword)
                : new NewRealmUser(profile, Set.of(), null));
    String id = account.id();
    if (account.made() && devPassword == null) {
      realms.mailAccountSetup(tenant.realm(), id, landing, SETUP_LINK_VALIDITY);
    }
    store.inTransaction(
        tenant,
        tx -> {
          TenantUser admin =
              new TenantUser(
                  UUID.fromString(id), profile, true, Set.of(RoleName.ADMIN), clock.instant());
          tx.add(admin);
          tx.publish(UserEvents.event("created", tenant, admin));
          return null;
        });
    engine.changed(tenant);
  }

  public TenantUser setEnabled(TenantRef tenant, UUID id, boolean enabled, Access actor, Actor by) {
    if (!enabled && id.equals(actor.userId())) {
      throw new ProblemException(
          IdentityProblems.OWN_ACCOUNT, "You cannot disable your own account.");
    }
    return change(
        tenant,
        id,
        by,
        enabledAction(enabled),
        (tx, user) -> {
          requireCanHandOut(tx, actor, user.roles());
          setEnabled(tenant, tx, user, enabled);
        });
  }

  /** Both ways in: the tenant keeps one enabled administrator, and the realm follows. */
  private void setEnabled(TenantRef tenant, IdentityStore.Tx tx, TenantUser user, boolean enabled) {
    if (!enabled && user.isEnabledAdmin()) {
      requireAnotherAdmin(tx, user);
    }
    user.setEnabled(enabled, clock.instant());
    if (!tenant.home().isSharedRealm()) {
      // A shared realm's account is the person's in other organizations too: there, the platform
      // refuses a disabled person's tokens for this tenant alone.
      realms.setUserEnabled(tenant.realm(), user.id().toString(), enabled);
    }
  }

  /**
   * A platform administrator disables or enables a tenant's user (from the console): the tenant
   * still keeps one enabled administrator; the hand-out rule is the tenant's own and does not
   * apply.
   */
  public TenantUser setEnabledByPlatform(
      TenantRef tenant, UUID id, boolean enabled, Actor platformAdmin) {
    return change(
        tenant,
        id,
        platformAdmin,
        enabledAction(enabled),
        (tx, user) -> setEnabled(tenant, tx, user, enabled));
  }

  private static String enabledAction(boolean enabled) {
    return enabled ? "user.enabled" : "user.disabled";
  }

  /**
   * Mails the user Keycloak's link to set a (new) password: a lost password, or an invitation whose
   * first link expired. {@code mail-unavailable} when no mail can be sent.
   */
  public TenantUser mailPasswordLink(TenantRef tenant, UUID id, Actor by) {
    TenantUser user = get(tenant, id);
    if (!realms.mailAccountSetup(
        tenant.realm(), id.toString(), links.home(tenant.slug()), SETUP_LINK_VALIDITY)) {
      throw new ProblemException(
          IdentityProblems.MAIL_UNAVAILABLE,
          "No mail server is configured (PLEXICA_MAIL_SMTP_HOST), so no link can be mailed.");
    }
    store.inTransaction(
        tenant,
        tx -> {
          audit(tx, by, "user.password_mail_sent", user, null, state(user));
          return null;
        });
    return user;
  }

  public TenantUser setRoles(TenantRef tenant, UUID id, Set<String> roles, Access actor, Actor by) {
    return change(
        tenant,
        id,
        by,
        "user.roles_changed",
        (tx, user) -> {
          requireKnownRoles(tx, roles);
          requireCanReplace(tx, actor, user.roles(), roles);
          if (user.isEnabledAdmin() && !roles.contains(RoleName.ADMIN)) {
            requireAnotherAdmin(tx, user);
          }
          user.replaceRoles(roles, clock.instant());
          if (!tenant.home().isSharedRealm()) {
            realms.setUserRoles(tenant.realm(), id.toString(), roles, tx.roleNames());
          }
        });
  }

  /**
   * Mirrors every user of the tenant's realm: new ones added, changed ones updated, gone removed.
   * In a shared realm, the members of the tenant's organization, and only their names and
   * addresses: roles and whether they may use the tenant are the platform's there.
   */
  public SyncReport sync(TenantRef tenant) {
    Set<String> managed = store.read(tenant, IdentityStore.Tx::roleNames);
    List<TenantUser> createdUsers = new ArrayList<>();
    boolean realmHoldsAccess = !tenant.home().isSharedRealm();
    List<RealmUser> listed =
        realmHoldsAccess
            ? realms.users(tenant.realm(), managed)
            : realms.members(tenant.realm(), organizationOf(tenant));
    Map<UUID, RealmUser> inRealm =
        listed.stream()
            .collect(Collectors.toMap(u -> UUID.fromString(u.id()), Function.identity()));
    SyncReport report =
        store.inTransaction(
            tenant,
            tx -> {
              Instant now = clock.instant();
              int created = 0;
              int updated = 0;
              int removed = 0;
              int unchanged = 0;
              for (TenantUser user : tx.allUsers()) {
                if (!inRealm.containsKey(user.id())) {
                  tx.remove(user);
                  tx.publish(UserEvents.event("deleted", tenant, user));
                  removed++;
                }
              }
              for (Map.Entry<UUID, RealmUser> entry : inRealm.entrySet()) {
                RealmUser realmUser = entry.getValue();
                TenantUser user = tx.user(entry.getKey()).orElse(null);
                if (user != null && user.isServiceAccount()) {
                  continue; // the platform made it; the realm has nothing to add
                }
                if (user == null) {
                  tx.userByUsername(realmUser.profile().username()).ifPresent(tx::remove);
                  TenantUser added =
                      new TenantUser(
                          entry.getKey(),
                          realmUser.profile(),
                          realmUser.enabled(),
                          realmUser.roles(),
                          now);
                  tx.add(added);
                  tx.publish(UserEvents.event("created", tenant, added));
                  createdUsers.add(added);
                  created++;
                } else {
                  Instant before = user.updatedAt();
                  user.updateProfile(realmUser.profile(), now);
                  if (realmHoldsAccess) {
                    user.setEnabled(realmUser.enabled(), now);
                    user.replaceRoles(realmUser.roles(), now);
                  }
                  if (user.updatedAt().equals(before)) {
                    unchanged++;
                  } else {
                    tx.publish(UserEvents.event("updated", tenant, user));
                    updated++;
                  }
                }
              }
              return new SyncReport(created, updated, removed, unchanged);
            });
    engine.changed(tenant);
    createdUsers.forEach(
        u -> extensions.announce(UserEvents.created(tenant, u.id(), u.profile(), u.roles())));
    return report;
  }

  private interface UserChange {
    void apply(IdentityStore.Tx tx, TenantUser user);
  }

  private TenantUser change(TenantRef tenant, UUID id, Actor by, String action, UserChange change) {
    TenantUser changed =
        store.inTransaction(
            tenant,
            tx -> {
              tx.lockAdministrators();
              TenantUser user = person(tx, id);
              Instant before = user.updatedAt();
              Map<String, Object> stateBefore = state(user);
              change.apply(tx, user);
              if (!user.updatedAt().equals(before)) {
                tx.publish(UserEvents.event("updated", tenant, user));
                audit(tx, by, action, user, stateBefore, state(user));
              }
              return user;
            });
    engine.changed(tenant);
    return changed;
  }

  /** What an audit entry keeps of a user: who it is and what a change can touch. */
  private static Map<String, Object> state(TenantUser user) {
    return Map.of(
        "email",
        user.profile().email(),
        "enabled",
        user.enabled(),
        "roles",
        new TreeSet<>(user.roles()));
  }

  private void audit(
      IdentityStore.Tx tx,
      Actor by,
      String action,
      TenantUser user,
      Map<String, Object> before,
      Map<String, Object> after) {
    tx.audit(
        AuditEntry.ofTenant(
            clock.instant(), by, action, "user", user.id().toString(), before, after));
  }

  static void requireKnownRoles(IdentityStore.Tx tx, Set<String> roles) {
    Set<String> unknown = new TreeSet<>(roles);
    unknown.removeAll(tx.roleNames());
    if (!unknown.isEmpty()) {
      throw ProblemException.invalid(
          "roles", "this tenant has no role " + String.join(", ", unknown));
    }
  }

  /** Assigning or withdrawing roles needs every permission they grant. */
  static void requireCanHandOut(IdentityStore.Tx tx, Access actor, Set<String> roles) {
    Set<String> missing = new TreeSet<>(tx.permissionsOf(roles));
    missing.removeAll(actor.permissions());
    if (!missing.isEmpty()) {
      throw new ProblemException(
          IdentityProblems.PERMISSION_DENIED,
          "Handing out or withdrawing roles "
              + new TreeSet<>(roles)
              + " needs the permissions "
              + missing
              + ", which you do not hold.");
    }
  }

  /** Replacing roles gives the new ones and withdraws the dropped ones: both need the rule. */
  static void requireCanReplace(
      IdentityStore.Tx tx, Access actor, Set<String> held, Set<String> wanted) {
    Set<String> touched = new HashSet<>(wanted);
    touched.addAll(held);
    touched.removeAll(intersection(wanted, held));
    requireCanHandOut(tx, actor, touched);
  }

  private static void requireAnotherAdmin(IdentityStore.Tx tx, TenantUser user) {
    if (tx.enabledAdminsOtherThan(user.id()) == 0) {
      throw new ProblemException(
          IdentityProblems.LAST_ADMIN,
          "User "
              + user.profile().username()
              + " is the tenant's last enabled administrator; make someone else admin first.");
    }
  }

  private static Set<String> intersection(Set<String> a, Set<String> b) {
    Set<String> both = new HashSet<>(a);
    both.retainAll(b);
    return both;
  }
}
