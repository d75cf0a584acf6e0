package io.plexica.identity.infra;

import io.plexica.audit.domain.AuditEntry;
import io.plexica.identity.domain.IdentityStore;
import io.plexica.identity.domain.RoleName;
import io.plexica.identity.domain.ServiceAccount;
import io.plexica.identity.domain.TenantRole;
import io.plexica.identity.domain.TenantUser;
import io.plexica.identity.domain.UserPage;
import io.plexica.identity.domain.UserProfile;
import io.plexica.identity.domain.UserQuery;
import io.plexica.shared.events.DomainEvent;
import io.plexica.shared.persistence.Database;
import io.plexica.shared.persistence.EventOutbox;
import io.plexica.shared.persistence.LikePattern;
import io.plexica.shared.persistence.SqlErrors;
import io.plexica.tenancy.domain.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

/** Users and roles in the {@code users}, {@code roles} and mapping tables of each tenant schema. */
@ApplicationScoped
public class JpaIdentityStore implements IdentityStore {
  private Database database;

  protected JpaIdentityStore() {}

  @Inject
  public JpaIdentityStore(Database database) {
    this.database = database;
  }

  @Override
  public <T> T inTransaction(TenantRef tenant, Function<Tx, T> work) {
    try {
      return database.inTenant(tenant.database(), em -> work.apply(new JpaTx(em)));
    } catch (PersistenceException e) {
      if (SqlErrors.isUniqueViolation(e)) {
        throw new Conflict(e);
      }
      throw e;
    }
  }

  @Override
  public <T> T read(TenantRef tenant, Function<Tx, T> work) {
    return database.readTenant(tenant.database(), em -> work.apply(new JpaTx(em)));
  }

  /** Roles are stored as "a,b,c"; the pattern parameter is "%,role,%". */
  private static final String HOLDS_ROLE = "CONCAT(',', u.roleList, ',') LIKE :role";

  private record JpaTx(EntityManager em) implements Tx {

    @Override
    public Optional<TenantUser> user(UUID id) {
      return Optional.ofNullable(em.find(TenantUser.class, id));
    }

    @Override
    public Optional<TenantUser> userByUsername(String username) {
      return em.createQuery("SELECT u FROM TenantUser u WHERE u.username = :name", TenantUser.class)
          .setParameter("name", username)
          .getResultStream()
          .findFirst();
    }

    @Override
    public List<TenantUser> allUsers() {
      return em.createQuery(
              "SELECT u FROM TenantUser u WHERE u.serviceAccount = FALSE", TenantUser.class)
          .getResultList();
    }

    @Override
    public List<TenantUser> usersWithRole(String role) {
      return em.createQuery(
              "SELECT u FROM TenantUser u WHERE " + HOLDS_ROLE + " ORDER BY u.username",
              TenantUser.class)
          .setParameter("role", "%," + role + ",%")
          .getResultList();
    }

    @Override
    public void markSeen(UUID id, Instant now) {
      em.createQuery(
              "UPDATE TenantUser u SET u.firstSeenAt = :now, u.updatedAt = :now"
                  + " WHERE u.id = :id AND u.firstSeenAt IS NULL")
          .setParameter("now", now.truncatedTo(ChronoUnit.MICROS))
          .setParameter("id", id)
          .executeUpdate();
    }

    @Override
    public void updateProfile(UUID id, UserProfile profile, Instant now) {
      em.createQuery(
              "UPDATE TenantUser u SET u.username = :username, u.email = :email,"
                  + " u.firstName = :first, u.lastName = :last, u.updatedAt = :now WHERE u.id = :id")
          .setParameter("username", profile.username())
          .setParameter("email", profile.email())
          .setParameter("first", profile.firstName())
          .setParameter("last", profile.lastName())
          .setParameter("now", now.truncatedTo(ChronoUnit.MICROS))
          .setParameter("id", id)
          .executeUpdate();
    }

    @Override
    public UserPage search(UserQuery query) {
      StringBuilder where = new StringBuilder(" WHERE u.serviceAccount = FALSE");
      query
          .text()
          .ifPresent(
              t ->
                  where.append(
                      " AND (LOWER(u.username) LIKE :text ESCAPE '\\'"
                          + " OR LOWER(u.email) LIKE :text ESCAPE '\\'"
                          + " OR LOWER(CONCAT(COALESCE(u.firstName, ''), ' ',"
                          + " COALESCE(u.lastName, ''))) LIKE :text ESCAPE '\\')"));
      query
          .status()
          .ifPresent(
              s ->
                  where.append(
                      switch (s) {
                        case DISABLED -> " AND u.enabled = FALSE";
                        case INVITED -> " AND u.enabled = TRUE AND u.firstSeenAt IS NULL";
                        case ACTIVE -> " AND u.enabled = TRUE AND u.firstSeenAt IS NOT NULL";
                      }));
      query.role().ifPresent(r -> where.append(" AND " + HOLDS_ROLE));
      TypedQuery<TenantUser> items =
          em.createQuery(
              "SELECT u FROM TenantUser u" + where + " ORDER BY u.username", TenantUser.class);
      TypedQuery<Long> count =
          em.createQuery("SELECT COUNT(u) FROM TenantUser u" + where, Long.class);
      for (TypedQuery<?> jpql : List.of(items, count)) {
        query.text().ifPresent(t -> jpql.setParameter("text", LikePattern.contains(t)));
        query.role().ifPresent(r -> jpql.setParameter("role", "%," + r + ",%"));
      }
      List<TenantUser> page =
          items
              .setFirstResult(query.paging().offset())
              .setMaxResults(query.paging().size())
              .getResultList();
      return new UserPage(
          page, query.paging().page(), query.paging().size(), count.getSingleResult());
    }

    @Override
    public void add(TenantUser user) {
      em.persist(user);
      em.flush();
    }

    @Override
    public void audit(AuditEntry entry) {
      em.persist(entry);
    }

    @Override
    public void remove(TenantUser user) {
      em.remove(user);
      // Before an insert that may reuse its username in the same transaction.
      em.flush();
    }

    @Override
    public Optional<ServiceAccount> serviceAccount(UUID id) {
      return Optional.ofNullable(em.find(ServiceAccount.class, id));
    }

    @Override
    public Optional<ServiceAccount> serviceAccountByName(String name) {
      return em.createQuery(
              "SELECT a FROM ServiceAccount a WHERE LOWER(a.name) = LOWER(:name)",
              ServiceAccount.class)
          .setParameter("name", name)
          .getResultStream()
          .findFirst();
    }

    @Override
    public List<ServiceAccount> serviceAccounts() {
      return em.createQuery("SELECT a FROM ServiceAccount a ORDER BY a.name", ServiceAccount.class)
          .getResultList();
    }

    @Override
    public void add(ServiceAccount account) {
      em.persist(account);
      em.flush();
    }

    @Override
    public void remove(ServiceAccount account) {
      TenantUser user = em.find(TenantUser.class, account.id());
      // In this order, each flushed: the user's row would take the account's with it (ON DELETE
      // CASCADE), and the account's own delete would then find nothing.
      em.remove(account);
      em.flush();
      if (user != null) {
        em.remove(user);
        em.flush();
      }
    }

    @Override
    public Optional<TenantRole> role(String name) {
      return Optional.ofNullable(em.find(TenantRole.class, name));
    }

    @Override
    public List<TenantRole> roles() {
      return em.createQuery("SELECT r FROM TenantRole r ORDER BY r.name", TenantRole.class)
          .getResultList();
    }

    @Override
    public Set<String> roleNames() {
      return new TreeSet<>(
          em.createQuery("SELECT r.name FROM TenantRole r", String.class).getResultList());
    }

    @Override
    public void add(TenantRole role) {
      em.persist(role);
      em.flush();
    }

    @Override
    public void remove(TenantRole role) {
      em.remove(role);
      em.flush();
    }

    @Override
    public Set<String> permissionsOf(Set<String> roles) {
      if (roles.isEmpty()) {
        return Set.of();
      }
      Set<String> permissions = new TreeSet<>();
      em.createQuery("SELECT r FROM TenantRole r WHERE r.name IN :roles", TenantRole.class)
          .setParameter("roles", roles)
          .getResultList()
          .forEach(r -> permissions.addAll(r.permissions()));
      return permissions;
    }

    @Override
    public long enabledAdminsOtherThan(UUID userId) {
      return em.createQuery(
              "SELECT COUNT(u) FROM TenantUser u WHERE u.enabled = TRUE AND u.serviceAccount = FALSE"
                  + " AND u.id <> :id AND "
                  + HOLDS_ROLE,
              Long.class)
          .setParameter("id", userId)
          .setParameter("role", "%," + RoleName.ADMIN + ",%")
          .getSingleResult();
    }

    @Override
    public void lockAdministrators() {
      em.find(TenantRole.class, RoleName.ADMIN, LockModeType.PESSIMISTIC_WRITE);
    }

    @Override
    public void publish(DomainEvent event) {
      EventOutbox.append(em, event, Instant.now());
    }
  }
}
