package io.plexica.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.plexica.shared.lease.LeaseKeeper;
import io.plexica.shared.lease.WorkLeases;
import io.plexica.shared.persistence.Database;
import io.plexica.shared.persistence.DatabaseClusters;
import io.plexica.shared.placement.SchemaAddress;
import io.plexica.shared.problem.ProblemException;
import io.plexica.tenancy.app.DatabaseMoves;
import io.plexica.tenancy.app.DatabasePlacement;
import io.plexica.tenancy.app.MoveRecovery;
import io.plexica.tenancy.app.TenantLifecycleListener;
import io.plexica.tenancy.domain.DatabaseMove;
import io.plexica.tenancy.domain.DatabaseMove.State;
import io.plexica.tenancy.domain.DatabaseMove.Step;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.tenancy.infra.JdbcDatabaseMoveLog;
import io.plexica.tenancy.infra.PostgresTenantSchemas;
import io.plexica.testing.Await;
import io.plexica.testing.TestPlatform;
import io.plexica.workspaces.app.Caller;
import io.plexica.workspaces.domain.WorkspaceSlug;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Moving a tenant's schema between two real PostgreSQL clusters (the test run's main one and its
 * second, {@code local-2}): rows, sequences and placement come along; a failure before the copy
 * ends, or a node that dies, leaves the tenant whole where it was or finished where it went.
 */
class DatabaseMovesTest {
  private static final String SECOND = "local-2";
  private static final TestPlatform PLATFORM = TestPlatform.create();
  private static HikariDataSource secondPool;
  private static Database clusters;
  private static PostgresTenantSchemas schemas;
  private static JdbcDatabaseMoveLog log;

  @BeforeAll
  static void twoClusters() {
    HikariConfig pool = new HikariConfig();
    pool.setJdbcUrl(
        "jdbc:postgresql://"
            + TestPlatform.databaseAddress().getHostString()
            + ":"
            + System.getProperty("plexica.db2.port", "25433")
            + "/"
            + TestPlatform.databaseName()
            + "?stringtype=unspecified");
    pool.setUsername(System.getProperty("plexica.db.user", "plexica"));
    pool.setPassword(System.getProperty("plexica.db.password", "plexica"));
    pool.setMaximumPoolSize(4);
    secondPool = new HikariDataSource(pool);
    PGSimpleDataSource logins = new PGSimpleDataSource();
    logins.setURL(pool.getJdbcUrl());
    DatabaseClusters.Cluster main = TestPlatform.database().clusters().main();
    clusters =
        new Database(
            DatabaseClusters.of(
                main, List.of(new DatabaseClusters.Cluster(SECOND, secondPool, logins))),
            4);
    schemas = new PostgresTenantSchemas(clusters);
    schemas.migrateCore();
    log = new JdbcDatabaseMoveLog(main.platform());
  }

  @AfterAll
  static void close() {
    secondPool.close();
  }

  private static DatabaseMoves moves(TenantLifecycleListener... listeners) {
    return new DatabaseMoves(
        PLATFORM.tenants,
        log,
        schemas,
        List.of(listeners),
        new DatabasePlacement(clusters.clusters().ids(), DatabaseClusters.MAIN),
        PLATFORM.leases,
        Runnable::run,
        Clock.systemUTC());
  }

  private static TenantRef tenantWithWorkspaces(String prefix) {
    TenantRef tenant = PLATFORM.activeTenant(prefix);
    Caller admin = PLATFORM.adminCaller(tenant);
    for (int i = 0; i < 3; i++) {
      PLATFORM.workspaces.create(
          tenant, admin, new WorkspaceSlug("ws-" + i), "Workspace " + i, null);
    }
    return tenant;
  }

  /** A table of the kind a plugin's migrations make, with keys from an identity sequence. */
  private static final String COUNTERS =
      "CREATE TABLE %s.counters (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, note text)";

  /** Makes the plugin-like table on the target, as the plugins feature makes its tables there. */
  private static final TenantLifecycleListener COUNTERS_ON_TARGET =
      new TenantLifecycleListener() {
        @Override
        public void movingTo(TenantRef onTarget) {
          execute(onTarget.database(), COUNTERS.formatted(quoted(onTarget.schemaName())));
        }
      };

  @Test
  void aMovedTenantKeepsEveryRowAndGoesOnWritingOnTheTarget() throws SQLException {
    TenantRef tenant = tenantWithWorkspaces("move-ok");
    SchemaAddress source = tenant.database();
    String counters = quoted(source.schema()) + ".counters";
    execute(source, COUNTERS.formatted(quoted(source.schema())));
    execute(source, "INSERT INTO " + counters + " (note) VALUES ('a'), ('b'), ('c')");
    Map<String, Long> before = rowCounts(source);

    DatabaseMove move =
        moves(COUNTERS_ON_TARGET).start(PLATFORM.tenantService.get(tenant.slug()), SECOND);

    DatabaseMove ended = log.find(move.id()).orElseThrow();
    assertThat(ended.state()).as(String.valueOf(ended.error())).isEqualTo(State.DONE);
    assertThat(ended.rowsCopied()).isEqualTo(before.values().stream().mapToLong(n -> n).sum());
    assertThat(ended.tablesCopied()).isEqualTo(before.size());
    SchemaAddress target = new SchemaAddress(SECOND, source.schema());
    assertThat(PLATFORM.tenantService.get(tenant.slug()).database()).isEqualTo(target);
    assertThat(schemas.exists(source)).as("source dropped").isFalse();
    assertThat(rowCounts(target)).isEqualTo(before);
    // Keys go on from the source's sequence: the next row is the fourth, not a second first.
    execute(target, "INSERT INTO " + counters + " (note) VALUES ('d')");
    assertThat(count(target, counters + " WHERE id = 4 AND note = 'd'")).isEqualTo(1);

    DatabaseMove back =
        moves(COUNTERS_ON_TARGET).start(PLATFORM.tenantService.get(tenant.slug()), "main");
    assertThat(log.find(back.id()).orElseThrow().state()).isEqualTo(State.DONE);
    assertThat(count(source, counters)).isEqualTo(4);
    assertThat(schemas.exists(target)).isFalse();
    assertThat(log.ofTenant(tenant.id()))
        .extracting(DatabaseMove::id)
        .containsExactly(back.id(), move.id());
  }

  @Test
  void whileRowsAreCopiedReadsGoOnAndAWaitingWriteFailsInsteadOfBeingLost() throws Exception {
    TenantRef tenant = PLATFORM.activeTenant("move-busy-rows");
    SchemaAddress source = tenant.database();
    SchemaAddress target = new SchemaAddress(SECOND, source.schema());
    String counters = quoted(source.schema()) + ".counters";
    execute(source, COUNTERS.formatted(quoted(source.schema())));
    // Rows enough for the copy to last seconds.
    execute(
        source,
        "INSERT INTO "
            + counters
            + " (note) SELECT repeat('x', 200) FROM generate_series(1, 200000)");
    ExecutorService background = Executors.newFixedThreadPool(2);
    try {
      Future<DatabaseMove> moving =
          background.submit(
              () ->
                  moves(COUNTERS_ON_TARGET)
                      .start(PLATFORM.tenantService.get(tenant.slug()), SECOND));
      Await.until(
          () -> heldAgainstWrites(source, "counters"),
          "the move to lock the source against writes",
          Duration.ofSeconds(60));

      assertThat(log.ofTenant(tenant.id()).get(0).step()).isEqualTo(Step.COPY);
      assertThat(count(source, counters)).as("a read goes on").isEqualTo(200_000);
      Future<?> write =
          background.submit(
              () -> execute(source, "INSERT INTO " + counters + " (note) VALUES ('late')"));
      Await.until(
          () -> waitingForALock(source.schema()),
          "the write to wait for the copy",
          Duration.ofSeconds(10));

      assertThat(moving.get(120, TimeUnit.SECONDS).id()).isNotNull();
      DatabaseMove done = log.ofTenant(tenant.id()).get(0);
      assertThat(done.state()).isEqualTo(State.DONE);
      assertThat(done.rowsCopied()).isGreaterThan(200_000);
      assertThatThrownBy(() -> write.get(30, TimeUnit.SECONDS))
          .as("the waiting write fails once the source is gone")
          .isInstanceOf(ExecutionException.class);
      assertThat(count(target, counters)).isEqualTo(200_000);
      assertThat(count(target, counters + " WHERE note = 'late'")).isZero();
    } finally {
      background.shutdownNow();
    }
    moves(COUNTERS_ON_TARGET).start(PLATFORM.tenantService.get(tenant.slug()), "main");
  }

  /** Whether some transaction holds the table in a mode that lets readers in, writers not. */
  private static boolean heldAgainstWrites(SchemaAddress schema, String table) {
    return countOrZero(
            schema,
            "pg_locks l JOIN pg_class c ON c.oid = l.relation JOIN pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE l.granted AND l.mode = 'ExclusiveLock'"
                + " AND c.relname = '"
                + table
                + "' AND n.nspname = '"
                + schema.schema()
                + "'")
        > 0;
  }

  private static boolean waitingForALock(String schema) {
    return countOrZero(
            new SchemaAddress(DatabaseClusters.MAIN, schema),
            "pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO \""
                + schema
                + "%'")
        > 0;
  }

  private static long countOrZero(SchemaAddress schema, String from) {
    try {
      return count(schema, from);
    } catch (SQLException e) {
      return 0;
    }
  }

  @Test
  void workOnASchemaThatMovedAwayAnswersARetryableProblem() {
    SchemaAddress gone = new SchemaAddress(DatabaseClusters.MAIN, "tenant_moved_away_long_ago");

    assertThatThrownBy(
            () ->
                TestPlatform.database()
                    .readTenant(
                        gone,
                        em ->
                            em.createNativeQuery("SELECT count(*) FROM workspace").getResultList()))
        .isInstanceOfSatisfying(
            ProblemException.class,
            problem -> {
              assertThat(problem.type().slug()).isEqualTo("tenant-data-unavailable");
              assertThat(problem.type().status()).isEqualTo(503);
              assertThat(problem.getMessage()).contains("moved to another database; try again");
            });
  }

  @Test
  void aTableTheTargetLacksRollsTheMoveBackNamingIt() {
    TenantRef tenant = tenantWithWorkspaces("move-lacks");
    SchemaAddress source = tenant.database();
    execute(source, COUNTERS.formatted(quoted(source.schema())));

    DatabaseMove move = moves().start(PLATFORM.tenantService.get(tenant.slug()), SECOND);

    DatabaseMove ended = log.find(move.id()).orElseThrow();
    assertThat(ended.state()).isEqualTo(State.ROLLED_BACK);
    assertThat(ended.error()).contains("The target has no table counters");
    assertThat(schemas.exists(source)).isTrue();
    assertThat(schemas.exists(new SchemaAddress(SECOND, source.schema()))).isFalse();
  }

  @Test
  void aMoveThatFailsBeforeTheCopyEndsLeavesTheTenantWholeWhereItWas() throws SQLException {
    TenantRef tenant = tenantWithWorkspaces("move-fail");
    SchemaAddress source = tenant.database();
    Map<String, Long> before = rowCounts(source);
    TenantLifecycleListener failing =
        new TenantLifecycleListener() {
          @Override
          public void movingTo(TenantRef onTarget) {
            throw new IllegalStateException("a plugin's tables could not be made");
          }
        };

    DatabaseMove move = moves(failing).start(PLATFORM.tenantService.get(tenant.slug()), SECOND);

    DatabaseMove ended = log.find(move.id()).orElseThrow();
    assertThat(ended.state()).isEqualTo(State.ROLLED_BACK);
    assertThat(ended.error()).contains("a plugin's tables could not be made");
    assertThat(PLATFORM.tenantService.get(tenant.slug()).database()).isEqualTo(source);
    assertThat(schemas.exists(new SchemaAddress(SECOND, source.schema()))).isFalse();
    assertThat(rowCounts(source)).isEqualTo(before);
    // Nothing stays locked: the tenant takes writes again.
    PLATFORM.workspaces.create(
        tenant, PLATFORM.adminCaller(tenant), new WorkspaceSlug("after"), "After", null);
  }

  @Test
  void aTenantBusyWithAnotherFeaturesWorkIsNotMovedAndCanBeMovedOnceItIsDone() {
    TenantRef tenant = PLATFORM.activeTenant("move-busy");
    TenantLifecycleListener installing =
        new TenantLifecycleListener() {
          @Override
          public Optional<String> busyWith(TenantRef busy) {
            return Optional.of("plugin 'crm' is being installed or upgraded in it");
          }
        };

    assertThatThrownBy(
            () -> moves(installing).start(PLATFORM.tenantService.get(tenant.slug()), SECOND))
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("cannot move right now: plugin 'crm' is being installed");
    assertThat(log.ofTenant(tenant.id())).isEmpty();
    assertThat(schemas.exists(new SchemaAddress(SECOND, tenant.schemaName()))).isFalse();

    DatabaseMove move = moves().start(PLATFORM.tenantService.get(tenant.slug()), SECOND);
    assertThat(log.find(move.id()).orElseThrow().state()).isEqualTo(State.DONE);
    moves().start(PLATFORM.tenantService.get(tenant.slug()), "main");
  }

  @Test
  void aMoveWhoseNodeDiedBeforeTheCopyEndedIsRolledBackByTheNodeThatTakesItOver()
      throws SQLException {
    TenantRef tenant = tenantWithWorkspaces("move-died-early");
    SchemaAddress source = tenant.database();
    SchemaAddress target = new SchemaAddress(SECOND, source.schema());
    Map<String, Long> before = rowCounts(source);
    // What a node had done when it died: the target made, the copy not committed.
    DatabaseMove move = diedCopying(tenant);

    assertThat(takeOver()).isPositive();

    assertThat(log.find(move.id()).orElseThrow().state()).isEqualTo(State.ROLLED_BACK);
    assertThat(schemas.exists(target)).isFalse();
    assertThat(PLATFORM.tenantService.get(tenant.slug()).database()).isEqualTo(source);
    assertThat(rowCounts(source)).isEqualTo(before);
  }

  @Test
  void aMoveWhoseNodeDiedAfterTheCopyIsFinishedByTheNodeThatTakesItOver() throws SQLException {
    TenantRef tenant = tenantWithWorkspaces("move-died-late");
    SchemaAddress source = tenant.database();
    SchemaAddress target = new SchemaAddress(SECOND, source.schema());
    Map<String, Long> before = rowCounts(source);
    // What a node had done when it died: the copy committed, the placement not switched.
    DatabaseMove move = diedCopying(tenant);
    schemas.moveRows(source, target, (tables, of, rows) -> {});

    assertThat(takeOver()).isPositive();

    assertThat(log.find(move.id()).orElseThrow().state()).isEqualTo(State.DONE);
    assertThat(PLATFORM.tenantService.get(tenant.slug()).database()).isEqualTo(target);
    assertThat(rowCounts(target)).isEqualTo(before);
    moves().start(PLATFORM.tenantService.get(tenant.slug()), "main");
  }

  /**
   * A move a node started and then died in, while copying: its record, its lease (expired now) and
   * the target it had made and migrated.
   */
  private static DatabaseMove diedCopying(TenantRef tenant) {
    DatabaseMove move =
        DatabaseMove.start(tenant.id(), tenant.database().cluster(), SECOND, Instant.now())
            .at(Step.COPY);
    log.insert(move);
    WorkLeases deadNode =
        new WorkLeases(TestPlatform.database(), "dead-node", Duration.ofMinutes(5));
    assertThat(
            deadNode.take(DatabaseMoves.MOVE_LEASE, tenant.id().toString(), move.id().toString()))
        .isTrue();
    TestPlatform.expireLease(DatabaseMoves.MOVE_LEASE, tenant.id().toString());
    SchemaAddress target = new SchemaAddress(SECOND, tenant.schemaName());
    schemas.create(target);
    schemas.migrate(target);
    return move;
  }

  /** What a living node's lease keeper does with expired moves; how many it settled. */
  private static int takeOver() {
    return LeaseKeeper.settle(PLATFORM.leases, MoveRecovery.of(moves()));
  }

  private static long count(SchemaAddress schema, String from) throws SQLException {
    try (Connection connection = dataSource(schema).getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + from)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static void execute(SchemaAddress schema, String sql) {
    try (Connection connection = dataSource(schema).getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private static String quoted(String schema) {
    return '"' + schema + '"';
  }

  /** Rows per table of the schema. */
  private static Map<String, Long> rowCounts(SchemaAddress schema) throws SQLException {
    Map<String, Long> counts = new TreeMap<>();
    try (Connection connection = dataSource(schema).getConnection();
        Statement statement = connection.createStatement()) {
      List<String> tables = new java.util.ArrayList<>();
      try (ResultSet rows =
          statement.executeQuery(
              "SELECT tablename FROM pg_tables WHERE schemaname = '" + schema.schema() + "'")) {
        while (rows.next()) {
          tables.add(rows.getString(1));
        }
      }
      for (String table : tables) {
        try (ResultSet rows =
            statement.executeQuery(
                "SELECT count(*) FROM \"" + schema.schema() + "\".\"" + table + "\"")) {
          rows.next();
          counts.put(table, rows.getLong(1));
        }
      }
    }
    return counts;
  }

  private static DataSource dataSource(SchemaAddress schema) {
    return clusters.clusters().cluster(schema.cluster()).platform();
  }
}
