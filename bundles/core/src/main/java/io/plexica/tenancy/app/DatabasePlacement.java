package io.plexica.tenancy.app;

import io.plexica.shared.problem.ProblemException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Decides which PostgreSQL cluster holds a new tenant's schema: the one asked for, which must be
 * configured, else the platform's default ({@code plexica.tenancy.database-cluster}).
 */
public class DatabasePlacement {
  private final List<String> clusters;
  private final String byDefault;

  /** {@code clusters} in the order they are shown, the main one first. */
  public DatabasePlacement(Collection<String> clusters, String byDefault) {
    if (!clusters.contains(byDefault)) {
      throw new IllegalStateException(
          "plexica.tenancy.database-cluster is '"
              + byDefault
              + "', which is not a configured cluster ("
              + String.join(", ", clusters)
              + ")");
    }
    this.clusters = List.copyOf(clusters);
    this.byDefault = byDefault;
  }

  /** The configured clusters, the main one first. */
  public List<String> clusters() {
    return clusters;
  }

  /** Where a tenant goes when no cluster is asked for. */
  public String byDefault() {
    return byDefault;
  }

  public String place(Optional<String> asked) {
    String cluster = asked.orElse(byDefault);
    if (!clusters.contains(cluster)) {
      throw ProblemException.invalid(
          "databaseCluster",
          "must be a configured database cluster: " + String.join(", ", clusters()));
    }
    return cluster;
  }
}
