package io.plexica.bench;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Start-up at scale (bench/startup-at-scale): how long the platform takes to become ready, to serve
 * a tenant whose schema is behind, and to finish upgrading every schema in the background, with
 * TENANTS tenants on one PostgreSQL. One real tenant is provisioned through the API; the others are
 * written straight into {@code plexica_core} with empty schemas (no realm: provisioning thousands
 * of realms is bench/tenants-at-scale's subject, and the start does not touch realms before it is
 * ready). Each start restarts Liberty only ({@code bin/plexica replica stop|start 1}).
 *
 * <p>Starts measured: the platform with one tenant; TENANTS new schemas (every tenant migration to
 * run); every schema current but none recorded, which is what every start cost before the placement
 * table (each schema asked for its own history before readiness); one tenant migration behind
 * everywhere, as after an upgrade; everything current.
 */
public class StartupScaleBench {
  private static final Pattern BACKGROUND_DONE =
      Pattern.compile("\"tenantSchemasUpgradedInBackground\"\\s*:\\s*true");
  private static final Pattern UP = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");

  /** The newest tenant migration, which the upgrade case takes back out of every schema. */
  private static final String NEWEST_UNDO =
      "DROP TABLE IF EXISTS service_account; ALTER TABLE users DROP COLUMN IF EXISTS"
          + " service_account; DELETE FROM flyway_schema_history WHERE version = '6'";

  private static final int NEWEST_VERSION = 6;

  public static void main(String[] args) throws Exception {
    if (args.length < 5) {
      System.err.println("usage: BASE_URL JDBC_URL DB_USER DB_PASSWORD TENANTS");
      System.exit(2);
    }
    String base = args[0];
    int tenants = Integer.parseInt(args[4]);
    try (Connection db = DriverManager.getConnection(args[1], args[2], args[3])) {
      String slug = "startup-" + UUID.randomUUID().toString().substring(0, 6);
      RealmScaleBench.provision(base, slug);
      System.out.println(
          "| start | tenants | schemas behind | ready after (s) | first request after ready"
              + " (ms) | background upgrade done after (s) |");
      System.out.println("|---|---|---|---|---|---|");
      start(base, slug, "one tenant, current", 1, 0);

      seed(db, tenants - 1);
      start(base, slug, "new schemas (every tenant migration)", tenants, tenants - 1);

      forgetVersions(db);
      start(base, slug, "current, not recorded (every start before)", tenants, tenants);

      undoNewestMigration(db);
      start(base, slug, "one migration behind (an upgrade)", tenants, tenants);

      start(base, slug, "current", tenants, 0);
    }
  }

  /**
   * Restarts Liberty and prints one row of the table. The first request is a platform
   * administrator's user search in the provisioned tenant, whose schema the background upgrade
   * reaches last (the others were created a day earlier): when it is behind, the request upgrades
   * it.
   */
  private static void start(String base, String probe, String what, int tenants, int behind)
      throws Exception {
    run("bin/plexica", "replica", "stop", "1");
    long started = System.nanoTime();
    Process liberty = new ProcessBuilder("bin/plexica", "replica", "start", "1").start();
    liberty.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    long ready = waitUntil(() -> up(base));
    String token = RealmScaleBench.platformToken();
    long before = System.nanoTime();
    HttpResponse<String> users =
        RealmScaleBench.get(base + "/api/v1/admin/users?tenant=" + probe, token);
    if (users.statusCode() != 200) {
      throw new IllegalStateException("user search: " + users.statusCode() + " " + users.body());
    }
    long firstRequest = (System.nanoTime() - before) / 1_000_000;
    long done = waitUntil(() -> backgroundDone(base));
    liberty.waitFor();
    System.out.printf(
        Locale.ROOT,
        "| %s | %,d | %,d | %.1f | %d | %.1f |%n",
        what,
        tenants,
        behind,
        (ready - started) / 1e9,
        firstRequest,
        (done - started) / 1e9);
  }

  /** Tenants without realms, whose schemas exist and are empty, created a day earlier. */
  private static void seed(Connection db, int count) throws SQLException {
    db.setAutoCommit(false);
    Timestamp earlier = Timestamp.from(Instant.now().minus(1, ChronoUnit.DAYS));
    String run = UUID.randomUUID().toString().substring(0, 4);
    try (PreparedStatement tenant =
            db.prepareStatement(
                "INSERT INTO plexica_core.tenant (id, slug, name, status, settings, created_at,"
                    + " updated_at, quotas) VALUES (?, ?, ?, 'ACTIVE', '{}', ?, ?, '{}')");
        PreparedStatement placement =
            db.prepareStatement(
                "INSERT INTO plexica_core.tenant_placement (tenant_id, schema_name) VALUES (?, ?)");
        Statement schemas = db.createStatement()) {
      for (int i = 0; i < count; i++) {
        UUID id = UUID.randomUUID();
        String slug = "seed-" + run + "-" + i;
        String schema = "tenant_seed_" + run + "_" + i;
        tenant.setObject(1, id);
        tenant.setString(2, slug);
        tenant.setString(3, slug);
        tenant.setTimestamp(4, earlier);
        tenant.setTimestamp(5, earlier);
        tenant.addBatch();
        placement.setObject(1, id);
        placement.setString(2, schema);
        placement.addBatch();
        schemas.addBatch("CREATE SCHEMA " + schema);
        if (i % 500 == 499 || i == count - 1) {
          tenant.executeBatch();
          placement.executeBatch();
          schemas.executeBatch();
          db.commit();
        }
      }
    } finally {
      db.setAutoCommit(true);
    }
  }

  private static void forgetVersions(Connection db) throws SQLException {
    try (Statement update = db.createStatement()) {
      update.executeUpdate("UPDATE plexica_core.tenant_placement SET schema_version = 0");
    }
  }

  /** Every schema one migration behind, and its placement saying so. */
  private static void undoNewestMigration(Connection db) throws SQLException {
    List<String> schemas = new ArrayList<>();
    try (Statement query = db.createStatement();
        ResultSet rows =
            query.executeQuery("SELECT schema_name FROM plexica_core.tenant_placement")) {
      while (rows.next()) {
        schemas.add(rows.getString(1));
      }
    }
    try (Statement undo = db.createStatement()) {
      for (String schema : schemas) {
        undo.execute("SET search_path TO " + schema + "; " + NEWEST_UNDO);
      }
      undo.execute("RESET search_path");
      undo.executeUpdate(
          "UPDATE plexica_core.tenant_placement SET schema_version = " + (NEWEST_VERSION - 1));
    }
  }

  static boolean up(String base) {
    try {
      return UP.matcher(RealmScaleBench.get(base + "/health/ready", null).body()).find();
    } catch (Exception e) {
      return false;
    }
  }

  private static boolean backgroundDone(String base) {
    try {
      return BACKGROUND_DONE
          .matcher(
              RealmScaleBench.get(base + "/api/v1/admin/health", RealmScaleBench.platformToken())
                  .body())
          .find();
    } catch (Exception e) {
      return false;
    }
  }

  interface Condition {
    boolean holds() throws Exception;
  }

  /** Polls every 100 ms; the time it first held, as {@link System#nanoTime}. */
  static long waitUntil(Condition condition) throws Exception {
    long deadline = System.nanoTime() + 3_600_000_000_000L;
    while (!condition.holds()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("not within an hour");
      }
      Thread.sleep(100);
    }
    return System.nanoTime();
  }

  static void run(String... command) throws Exception {
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    if (process.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed");
    }
  }
}
