package io.plexica.shared.lease;

import io.plexica.shared.persistence.Database;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Leases on work that must not be left half-done when a node dies ({@code
 * plexica_core.work_lease}). A node takes a lease before the work's first side effect and releases
 * it when the work is finished or undone; while it holds it, {@link #renewHeld} (called by a
 * background loop) pushes the expiry forward. A lease that expires belonged to a node that died,
 * hung or lost the database: any node may then {@link #claimExpired claim} it and resume or
 * compensate the work. Expiry is decided by the database's clock, so the nodes' clocks need not
 * agree.
 */
public class WorkLeases {
  private final Database database;
  private final String node;
  private final Duration ttl;
  private final Set<Key> held = ConcurrentHashMap.newKeySet();

  public WorkLeases(Database database, String node, Duration ttl) {
    if (ttl.toMillis() < 1000) {
      throw new IllegalArgumentException("A lease must last at least a second");
    }
    this.database = database;
    this.node = node;
    this.ttl = ttl;
  }

  /** This node's name in the leases it holds. */
  public String node() {
    return node;
  }

  public Duration ttl() {
    return ttl;
  }

  /**
   * Takes the lease on {@code subject} when nobody holds it or its holder's lease expired; {@code
   * detail} says what the work is, for whoever has to take it over.
   */
  public boolean take(String kind, String subject, String detail) {
    int taken =
        database.inCore(
            em ->
                em.createNativeQuery(
                        "INSERT INTO plexica_core.work_lease"
                            + " (kind, subject, owner, detail, taken_at, expires_at)"
                            + " VALUES (?1, ?2, ?3, ?4, now(), now() + make_interval(secs => ?5))"
                            + " ON CONFLICT (kind, subject) DO UPDATE SET owner = EXCLUDED.owner,"
                            + " detail = EXCLUDED.detail, taken_at = EXCLUDED.taken_at,"
                            + " expires_at = EXCLUDED.expires_at"
                            + " WHERE plexica_core.work_lease.expires_at < now()")
                    .setParameter(1, kind)
                    .setParameter(2, subject)
                    .setParameter(3, node)
                    .setParameter(4, detail)
                    .setParameter(5, seconds())
                    .executeUpdate());
    if (taken == 1) {
      held.add(new Key(kind, subject));
    }
    return taken == 1;
  }

  /** Whether this node still holds the lease, unexpired: work that lost it must stop. */
  public boolean holds(String kind, String subject) {
    return database.readCore(
        em ->
            !em.createNativeQuery(
                    "SELECT 1 FROM plexica_core.work_lease WHERE kind = ?1 AND subject = ?2"
                        + " AND owner = ?3 AND expires_at > now()")
                .setParameter(1, kind)
                .setParameter(2, subject)
                .setParameter(3, node)
                .getResultList()
                .isEmpty());
  }

  /** The work is finished or undone: the lease goes. */
  public void release(String kind, String subject) {
    held.remove(new Key(kind, subject));
    database.inCoreDo(
        em ->
            em.createNativeQuery(
                    "DELETE FROM plexica_core.work_lease WHERE kind = ?1 AND subject = ?2"
                        + " AND owner = ?3")
                .setParameter(1, kind)
                .setParameter(2, subject)
                .setParameter(3, node)
                .executeUpdate());
  }

  /**
   * The work ended in a way nobody planned for (an error escaped it): this node stops renewing the
   * lease, so that it expires and the work is taken over as if the node had died.
   */
  public void abandon(String kind, String subject) {
    held.remove(new Key(kind, subject));
  }

  /**
   * Runs work under a lease this node has just taken. When the work ends the lease goes; when it
   * fails, {@code undo} runs first. An error nobody planned for abandons the lease instead, so that
   * the work is taken over as if this node had died.
   */
  public <T> T holding(String kind, String subject, Supplier<T> work, Runnable undo) {
    T result;
    try {
      result = work.get();
    } catch (RuntimeException failure) {
      try {
        undo.run();
      } catch (RuntimeException undoFailed) {
        failure.addSuppressed(undoFailed);
      } finally {
        release(kind, subject);
      }
      throw failure;
    } catch (Error unplanned) {
      abandon(kind, subject);
      throw unplanned;
    }
    release(kind, subject);
    return result;
  }

  /** Pushes the expiry of every lease this node holds forward; returns how many it still holds. */
  public int renewHeld() {
    int renewed = 0;
    for (Key key : List.copyOf(held)) {
      int rows =
          database.inCore(
              em ->
                  em.createNativeQuery(
                          "UPDATE plexica_core.work_lease"
                              + " SET expires_at = now() + make_interval(secs => ?1)"
                              + " WHERE kind = ?2 AND subject = ?3 AND owner = ?4")
                      .setParameter(1, seconds())
                      .setParameter(2, key.kind())
                      .setParameter(3, key.subject())
                      .setParameter(4, node)
                      .executeUpdate());
      if (rows == 1) {
        renewed++;
      } else {
        held.remove(key);
      }
    }
    return renewed;
  }

  /**
   * Claims, one by one, the expired leases of this kind: each returned lease is now this node's,
   * with the detail its former holder wrote, and the work it covers is this node's to finish.
   */
  public List<Lease> claimExpired(String kind) {
    List<Lease> claimed = new ArrayList<>();
    for (Object[] row : expired(kind)) {
      String subject = (String) row[0];
      Optional<Lease> lease = claim(kind, subject);
      lease.ifPresent(claimed::add);
    }
    return claimed;
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> expired(String kind) {
    return database.readCore(
        em ->
            em.createNativeQuery(
                    "SELECT subject, owner FROM plexica_core.work_lease"
                        + " WHERE kind = ?1 AND expires_at < now() ORDER BY expires_at LIMIT 50")
                .setParameter(1, kind)
                .getResultList());
  }

  private Optional<Lease> claim(String kind, String subject) {
    Optional<Lease> lease =
        database.inCore(
            em -> {
              List<?> rows =
                  em.createNativeQuery(
                          "UPDATE plexica_core.work_lease SET owner = ?1, taken_at = now(),"
                              + " expires_at = now() + make_interval(secs => ?2)"
                              + " WHERE kind = ?3 AND subject = ?4 AND expires_at < now()"
                              + " RETURNING detail")
                      .setParameter(1, node)
                      .setParameter(2, seconds())
                      .setParameter(3, kind)
                      .setParameter(4, subject)
                      .getResultList();
              return rows.isEmpty()
                  ? Optional.empty()
                  : Optional.of(new Lease(kind, subject, String.valueOf(rows.get(0))));
            });
    lease.ifPresent(l -> held.add(new Key(kind, subject)));
    return lease;
  }

  /** The leases of this kind as they stand, for operators and tests. */
  public List<String> subjects(String kind) {
    return database.readCore(em -> subjectsOf(em, kind).stream().map(String::valueOf).toList());
  }

  private static List<?> subjectsOf(EntityManager em, String kind) {
    return em.createNativeQuery(
            "SELECT subject FROM plexica_core.work_lease WHERE kind = ?1 ORDER BY subject")
        .setParameter(1, kind)
        .getResultList();
  }

  private double seconds() {
    return ttl.toMillis() / 1000.0;
  }

  /** A lease this node now holds, with what its work is. */
  public record Lease(String kind, String subject, String detail) {}

  private record Key(String kind, String subject) {}
}
