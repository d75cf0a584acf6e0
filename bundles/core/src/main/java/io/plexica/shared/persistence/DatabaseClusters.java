package io.plexica.shared.persistence;

import io.plexica.shared.placement.SchemaAddress;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The PostgreSQL clusters tenant data may be placed on (decision 0019). {@link #MAIN} holds {@code
 * plexica_core} and is always there; others are configured by id ({@code plexica.db.clusters}),
 * each with the platform's connections and the plugin installations' logins to it.
 */
public final class DatabaseClusters {
  public static final String MAIN = SchemaAddress.MAIN_CLUSTER;

  /** One cluster's two pools: the platform's own user, and logins as the caller says. */
  public record Cluster(String id, DataSource platform, DataSource pluginLogins) {}

  private final Map<String, Cluster> clusters;

  private DatabaseClusters(Map<String, Cluster> clusters) {
    this.clusters = Collections.unmodifiableMap(clusters);
  }

  /** The main cluster and any others, in the order given. */
  public static DatabaseClusters of(Cluster main, Iterable<Cluster> others) {
    if (!MAIN.equals(main.id())) {
      throw new IllegalArgumentException("The first cluster is " + MAIN + ", not " + main.id());
    }
    Map<String, Cluster> all = new LinkedHashMap<>();
    all.put(MAIN, main);
    for (Cluster other : others) {
      if (!SchemaAddress.isClusterId(other.id()) || all.putIfAbsent(other.id(), other) != null) {
        throw new IllegalArgumentException("Not a new database cluster id: " + other.id());
      }
    }
    return new DatabaseClusters(all);
  }

  public static DatabaseClusters single(DataSource platform, DataSource pluginLogins) {
    return of(new Cluster(MAIN, platform, pluginLogins), java.util.List.of());
  }

  /** The configured cluster ids, {@link #MAIN} first. */
  public Set<String> ids() {
    return clusters.keySet();
  }

  public boolean has(String id) {
    return clusters.containsKey(id);
  }

  /** The cluster, which must be configured: a placement naming another is a broken registry. */
  public Cluster cluster(String id) {
    Cluster cluster = clusters.get(id);
    if (cluster == null) {
      throw new IllegalStateException(
          "Database cluster '" + id + "' is not configured here (plexica.db.clusters)");
    }
    return cluster;
  }

  /** The cluster holding the schema at {@code address}. */
  public Cluster holding(SchemaAddress address) {
    return cluster(address.cluster());
  }

  public Cluster main() {
    return clusters.get(MAIN);
  }
}
