package io.plexica.identity.app;

import io.plexica.identity.domain.Access;
import io.plexica.identity.domain.IdentityProblems;
import io.plexica.identity.domain.IdentityStore;
import io.plexica.identity.domain.TenantUser;
import io.plexica.identity.domain.UserProfile;
import io.plexica.identity.domain.VerifiedToken;
import io.plexica.shared.hooks.ExtensionPoints;
import io.plexica.shared.problem.ProblemException;
import io.plexica.tenancy.domain.TenantRef;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Decides what a tenant user may do. The answer comes from the tenant's own tables (so a change of
 * roles or permissions counts from the next request, not from the next token) and is cached per
 * user until something changes. A user the platform has not seen yet is mirrored from its token
 * (just in time) with the token's roles; a changed name or e-mail in the token is mirrored too.
 * Service accounts are made by the platform, never mirrored.
 */
public class PermissionEngine {
  private final IdentityStore store;
  private final AccessCache cache;
  private final Clock clock;
  private final ExtensionPoints extensions;

  public PermissionEngine(IdentityStore store, AccessCache cache, Clock clock) {
    this(store, cache, clock, ExtensionPoints.NONE);
  }

  /** Announces {@code user.created} when a user is mirrored at its first request. */
  public PermissionEngine(
      IdentityStore store, AccessCache cache, Clock clock, ExtensionPoints extensions) {
    this.store = store;
    this.cache = cache;
    this.clock = clock;
    this.extensions = extensions;
  }

  /** The caller's access in the tenant whose realm issued its token. */
  public Access accessOf(TenantRef tenant, VerifiedToken token) {
    UUID userId = userId(token);
    UserProfile profile = profileOf(token);
    Access access = cache.get(tenant.id(), userId, () -> load(tenant, userId, profile, token));
    if (!access.profile().equals(profile.fingerprint())) {
      store.inTransaction(
          tenant,
          tx -> {
            tx.updateProfile(userId, profile, clock.instant());
            tx.user(userId).ifPresent(u -> tx.publish(UserEvents.event("updated", tenant, u)));
            return null;
          });
      cache.invalidate(tenant.id());
      access = cache.get(tenant.id(), userId, () -> load(tenant, userId, profile, token));
    }
    return access;
  }

  /** After any change of the tenant's users, roles or permissions. */
  public void changed(TenantRef tenant) {
    cache.invalidate(tenant.id());
  }

  private Access load(TenantRef tenant, UUID userId, UserProfile profile, VerifiedToken token) {
    Loaded loaded;
    try {
      loaded = loadOrMirror(tenant, userId, profile, token);
    } catch (IdentityStore.Conflict e) {
      // Two first requests of the same user raced to mirror it; the other one won.
      loaded = loadOrMirror(tenant, userId, profile, token);
    }
    if (loaded.mirrored()) {
      extensions.announce(UserEvents.created(tenant, userId, profile, loaded.access().roles()));
    }
    return loaded.access();
  }

  private record Loaded(Access access, boolean mirrored) {}

  private Loaded loadOrMirror(
      TenantRef tenant, UUID userId, UserProfile profile, VerifiedToken token) {
    return store.inTransaction(
        tenant,
        tx -> {
          TenantUser user = tx.user(userId).orElse(null);
          boolean mirrored = user == null;
          if (mirrored && token.isServiceAccount()) {
            // Its account was deleted while the token lives on: a program is never mirrored.
            throw new ProblemException(
                IdentityProblems.INVALID_TOKEN, "The token's service account no longer exists.");
          }
          if (mirrored) {
            // A user deleted and created again in Keycloak keeps its username but not its id.
            tx.userByUsername(profile.username()).ifPresent(tx::remove);
            // A shared realm's roles belong to no tenant: its people start with none here.
            Set<String> roles =
                tenant.home().isSharedRealm() ? new HashSet<>() : new HashSet<>(token.roles());
            roles.retainAll(tx.roleNames());
            user = new TenantUser(userId, profile, true, roles, clock.instant());
            user.seen(clock.instant());
            tx.add(user);
            tx.publish(UserEvents.event("created", tenant, user));
          } else if (user.firstSeenAt() == null) {
            tx.markSeen(userId, clock.instant());
          }
          return new Loaded(
              new Access(
                  userId,
                  user.enabled(),
                  user.roles(),
                  tx.permissionsOf(user.roles()),
                  user.profile().fingerprint()),
              mirrored);
        });
  }

  static UUID userId(VerifiedToken token) {
    try {
      return UUID.fromString(token.subject());
    } catch (IllegalArgumentException e) {
      throw new ProblemException(
          IdentityProblems.INVALID_TOKEN, "The token's subject is not a user of this platform.", e);
    }
  }

  static UserProfile profileOf(VerifiedToken token) {
    return new UserProfile(
        token.username(),
        token.email(),
        token.claims().getString("given_name", null),
        token.claims().getString("family_name", null));
  }
}
