package io.plexica.shared.placement;

import java.util.regex.Pattern;

/**
 * Where a tenant's data lives: a schema on one of the platform's PostgreSQL clusters. Schema names
 * are unique across clusters (each is made from the tenant's slug), so the name alone still tells
 * tenants apart; the cluster says which connections reach it.
 */
public record SchemaAddress(String cluster, String schema) {
  private static final Pattern CLUSTER = Pattern.compile("^[a-z][a-z0-9-]{0,29}$");

  public SchemaAddress {
    if (cluster == null || !CLUSTER.matcher(cluster).matches()) {
      throw new IllegalArgumentException("Not a database cluster id: " + cluster);
    }
    if (schema == null || schema.isBlank()) {
      throw new IllegalArgumentException("A schema name is required");
    }
  }

  /** The cluster holding {@code plexica_core}, and every tenant not placed elsewhere. */
  public static final String MAIN_CLUSTER = "main";

  /** A schema on the main cluster. */
  public static SchemaAddress main(String schema) {
    return new SchemaAddress(MAIN_CLUSTER, schema);
  }

  /** Whether {@code id} can name a cluster: lower-case letters, digits and dashes, 30 at most. */
  public static boolean isClusterId(String id) {
    return id != null && CLUSTER.matcher(id).matches();
  }
}
