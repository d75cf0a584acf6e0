package io.plexica.identity.domain;

import io.plexica.audit.domain.AuditEntry;
import io.plexica.shared.events.DomainEvent;
import io.plexica.tenancy.domain.TenantRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The users and roles of each tenant, in the tenant's schema. Work runs in one database transaction
 * per call; entities read inside it are saved when it ends, unless the work throws.
 */
public interface IdentityStore {

  /**
   * Runs the work in one transaction.
   *
   * @throws Conflict when a concurrent transaction saved the same user or role first
   */
  <T> T inTransaction(TenantRef tenant, Function<Tx, T> work);

  /** A concurrent transaction won: nothing of this one was saved, and it may be tried again. */
  class Conflict extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Conflict(Throwable cause) {
      super("A concurrent change saved the same row first", cause);
    }
  }

  /** Reads without a transaction: changes made to the entities are not saved. */
  <T> T read(TenantRef tenant, Function<Tx, T> work);

  /** The operations of one unit of work on one tenant's users and roles. */
  interface Tx {
    Optional<TenantUser> user(UUID id);

    Optional<TenantUser> userByUsername(String username);

    /** Every person of the tenant; service accounts apart. */
    List<TenantUser> allUsers();

    List<TenantUser> usersWithRole(String role);

    /**
     * Records the user's first request, unless one is recorded. A single conditional statement, so
     * concurrent first requests neither conflict nor overwrite each other.
     */
    void markSeen(UUID id, Instant now);

    /** Mirrors a changed name or e-mail, in one statement for the same reason. */
    void updateProfile(UUID id, UserProfile profile, Instant now);

    /** People only: service accounts are listed apart. */
    UserPage search(UserQuery query);

    void add(TenantUser user);

    /** Keeps the entry of a change in the tenant's audit trail, with the change. */
    void audit(AuditEntry entry);

    void remove(TenantUser user);

    Optional<TenantRole> role(String name);

    List<TenantRole> roles();

    Set<String> roleNames();

    void add(TenantRole role);

    void remove(TenantRole role);

    /** Every permission the named roles grant. */
    Set<String> permissionsOf(Set<String> roles);

    Optional<ServiceAccount> serviceAccount(UUID id);

    Optional<ServiceAccount> serviceAccountByName(String name);

    /** By name. */
    List<ServiceAccount> serviceAccounts();

    void add(ServiceAccount account);

    /** Removes the account with its user. */
    void remove(ServiceAccount account);

    /** Enabled people holding {@code admin}, apart from the one given. */
    long enabledAdminsOtherThan(UUID userId);

    /**
     * Serialises changes of who holds {@code admin} across the whole tenant (a row lock held until
     * the transaction ends), so two administrators demoting each other at once cannot both win.
     */
    void lockAdministrators();

    /** Writes the event to the outbox, in this transaction. */
    void publish(DomainEvent event);
  }
}
