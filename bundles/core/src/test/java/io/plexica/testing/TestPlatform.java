package io.plexica.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.plexica.audit.domain.AuditEntry;
import io.plexica.audit.domain.AuditQuery;
import io.plexica.audit.infra.JpaAuditLog;
import io.plexica.identity.app.PeopleMoving;
import io.plexica.identity.app.PermissionCatalog;
import io.plexica.identity.app.PermissionEngine;
import io.plexica.identity.app.RoleService;
import io.plexica.identity.app.UserService;
import io.plexica.identity.domain.Access;
import io.plexica.identity.domain.TenantUser;
import io.plexica.identity.domain.UserQuery;
import io.plexica.identity.infra.JpaIdentityStore;
import io.plexica.identity.infra.KeycloakRealms;
import io.plexica.identity.infra.KeycloakSettings;
import io.plexica.identity.infra.RealmLifecycle;
import io.plexica.identity.infra.RedisAccessCache;
import io.plexica.identity.infra.TenantRealmStep;
import io.plexica.plugins.domain.PluginStore;
import io.plexica.plugins.infra.FelixHost;
import io.plexica.plugins.infra.FelixPluginRuntime;
import io.plexica.plugins.infra.InstallationRoles;
import io.plexica.plugins.infra.JdbcPluginData;
import io.plexica.plugins.infra.PluginEventPublisher;
import io.plexica.plugins.infra.PluginFileStore;
import io.plexica.shared.cache.CacheSeal;
import io.plexica.shared.cache.RedisSettings;
import io.plexica.shared.hooks.ExtensionPoints;
import io.plexica.shared.lease.WorkLeases;
import io.plexica.shared.persistence.Database;
import io.plexica.shared.persistence.DatabaseClusters;
import io.plexica.shared.query.PageRequest;
import io.plexica.shared.web.WebAppLinks;
import io.plexica.storage.app.TenantStorage;
import io.plexica.storage.infra.S3ObjectStorage;
import io.plexica.storage.infra.StorageSettings;
import io.plexica.storage.infra.TenantBucketStep;
import io.plexica.tenancy.app.DatabasePlacement;
import io.plexica.tenancy.app.IdentityPlacement;
import io.plexica.tenancy.app.ProvisioningExecutor;
import io.plexica.tenancy.app.ProvisioningSaga;
import io.plexica.tenancy.app.ProvisioningStep;
import io.plexica.tenancy.app.QuotaGuard;
import io.plexica.tenancy.app.TenantService;
import io.plexica.tenancy.domain.EmailAddress;
import io.plexica.tenancy.domain.IdentityHome;
import io.plexica.tenancy.domain.Tenant;
import io.plexica.tenancy.domain.TenantName;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.tenancy.domain.TenantSlug;
import io.plexica.tenancy.domain.TenantStatus;
import io.plexica.tenancy.infra.JpaProvisioningLog;
import io.plexica.tenancy.infra.JpaTenantRepository;
import io.plexica.tenancy.infra.PostgresTenantSchemas;
import io.plexica.tenancy.infra.RedisActiveTenants;
import io.plexica.tenancy.infra.SchemaSteps;
import io.plexica.workspaces.app.Caller;
import io.plexica.workspaces.app.FileService;
import io.plexica.workspaces.app.InvitationService;
import io.plexica.workspaces.app.MemberService;
import io.plexica.workspaces.app.SharingService;
import io.plexica.workspaces.app.TeamService;
import io.plexica.workspaces.app.WorkspaceAccess;
import io.plexica.workspaces.app.WorkspaceService;
import io.plexica.workspaces.infra.DefaultWorkspaceStep;
import io.plexica.workspaces.infra.JpaWorkspaceStore;
import io.plexica.workspaces.infra.RedisMembershipCache;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import redis.clients.jedis.JedisPooled;

/**
 * The platform's services wired by hand against the real PostgreSQL that {@code bin/plexica test}
 * starts (connection from the {@code plexica.db.*} system properties), with no server around them.
 */
public final class TestPlatform {
  private static Database database;
  private static InstallationRoles installationRoles;

  /** Every test tenant's first administrator. */
  public static final EmailAddress ADMIN = new EmailAddress("admin@example.com");

  private static KeycloakRealms realms;
  private static JedisPooled redis;
  private static RedisAccessCache accessCache;
  private static RedisMembershipCache membershipCache;
  private static RedisActiveTenants activeTenants;
  private static S3ObjectStorage objectStorage;

  /** The upload limit of test platforms: small, so that tests can exceed it cheaply. */
  public static final long MAX_FILE_BYTES = 64 * 1024;

  /** Small, so that tests fill a shared realm quickly. */
  public static final int SHARED_REALM_CAPACITY = 3;

  /**
   * The tests make shared realms as Keycloak's administrator, which the platform under test (with
   * its own least-privilege account) could not administer: theirs are numbered apart.
   */
  public static final int SHARED_REALM_FIRST = 900_000;

  public final PostgresTenantSchemas schemas;
  public final JpaTenantRepository tenants;
  public final JpaProvisioningLog log;
  public final TenantStorage storage;
  public final JpaWorkspaceStore workspaceStore;
  public final WorkspaceAccess workspaceAccess;
  public final WorkspaceService workspaces;
  public final MemberService members;
  public final TeamService teams;
  public final InvitationService invitations;
  public final SharingService sharing;
  public final FileService files;
  public final List<ProvisioningStep> steps;
  public final ProvisioningSaga saga;
  public final WorkLeases leases;
  public final TenantService tenantService;
  public final JpaIdentityStore identityStore;
  public final PermissionEngine permissions;
  public final UserService users;
  public final RoleService roles;

  private TestPlatform(UnaryOperator<List<ProvisioningStep>> stepDecorator) {
    Database db = database();
    Clock clock = Clock.systemUTC();
    schemas = new PostgresTenantSchemas(db);
    tenants = new JpaTenantRepository(db, activeTenants());
    log = new JpaProvisioningLog(db);
    identityStore = new JpaIdentityStore(db);
    storage = new TenantStorage(objectStorage(), storageSettings().bucketPrefix());
    workspaceStore = new JpaWorkspaceStore(db);
    workspaceAccess = new WorkspaceAccess(workspaceStore, membershipCache());
    QuotaGuard quotas = QuotaGuard.of(tenants);
    workspaces =
        new WorkspaceService(
            workspaceStore, workspaceAccess, storage, clock, ExtensionPoints.NONE, quotas);
    members = new MemberService(workspaceStore, workspaceAccess, clock);
    teams = new TeamService(workspaceStore, workspaceAccess, clock);
    invitations = new InvitationService(workspaceStore, workspaceAccess, members, clock);
    sharing = new SharingService(workspaceStore, workspaceAccess, clock);
    files =
        new FileService(
            workspaceStore,
            workspaceAccess,
            storage,
            clock,
            MAX_FILE_BYTES,
            FileService.DEFAULT_TYPES,
            quotas);
    permissions = new PermissionEngine(identityStore, accessCache(), clock);
    users =
        new UserService(
            identityStore,
            realms(),
            permissions,
            clock,
            ExtensionPoints.NONE,
            WebAppLinks.of(null, List.of()),
            quotas,
            PeopleMoving.NEVER);
    roles = new RoleService(identityStore, realms(), new PermissionCatalog(), permissions, clock);
    steps =
        stepDecorator.apply(
            List.of(
                new SchemaSteps.CreateSchema(schemas),
                new SchemaSteps.MigrateSchema(schemas, tenants),
                new TenantBucketStep(storage),
                new TenantRealmStep(
                    realms(), tenants, keycloakSettings(), users, WebAppLinks.of(null, List.of())),
                new DefaultWorkspaceStep(workspaces, identityStore)));
    saga = new ProvisioningSaga(steps, tenants, log, clock);
    // Each platform is a node of its own; nothing renews in tests, so the leases last long.
    leases = new WorkLeases(db, "test-node-" + java.util.UUID.randomUUID(), Duration.ofMinutes(5));
    ProvisioningExecutor inline = Runnable::run;
    tenantService =
        new TenantService(
            tenants,
            log,
            saga,
            inline,
            schemas,
            List.of(
                new RealmLifecycle(
                    realms(),
                    token -> {
                      throw new UnsupportedOperationException();
                    }),
                new TenantBucketStep(storage)),
            leases,
            activeTenants(),
            clock,
            new IdentityPlacement(
                tenants, IdentityHome.Kind.REALM, SHARED_REALM_CAPACITY, SHARED_REALM_FIRST),
            new DatabasePlacement(database().clusters().ids(), DatabaseClusters.MAIN));
  }

  /** A new tenant, provisioned and active, with {@link #ADMIN} as its administrator. */
  public TenantRef activeTenant(String prefix) {
    String slug = uniqueSlug(prefix);
    tenantService.create(new TenantSlug(slug), new TenantName("Tenant " + slug), ADMIN, null);
    Tenant tenant = tenantService.get(slug);
    if (tenant.status() != TenantStatus.ACTIVE) {
      // Say which step failed and why: the provisioning log has it, the status alone does not.
      String failures =
          tenantService.provisioning(slug).steps().stream()
              .filter(step -> step.error() != null)
              .map(step -> step.step() + ": " + step.error())
              .collect(java.util.stream.Collectors.joining("; "));
      throw new IllegalStateException(
          "Tenant " + slug + " is " + tenant.status() + " (" + failures + ")");
    }
    return TenantRef.of(tenant);
  }

  /** The tenant administrator's access, as its first request would resolve it. */
  public Access adminAccess(TenantRef tenant) {
    TenantUser admin =
        users.search(tenant, UserQuery.parse(ADMIN.value(), null, null, null, null)).items().get(0);
    return permissions.accessOf(
        tenant, TestTokens.of(tenant.slug(), admin.id(), ADMIN.value(), "admin"));
  }

  /** The tenant administrator as the workspace services see it. */
  /** The plugin runtime of a node on this platform's database and storage, in {@code host}. */
  public FelixPluginRuntime pluginRuntime(FelixHost host, PluginStore store) {
    return new FelixPluginRuntime(
        host,
        new JdbcPluginData(installationRoles(), tenants, store, activeTenants()),
        new PluginFileStore(storage, store),
        new PluginEventPublisher(database().dataSource(), store));
  }

  public Caller adminCaller(TenantRef tenant) {
    return Caller.of(adminAccess(tenant), ADMIN.value());
  }

  /** The platform as in production, provisioning inline on the calling thread. */
  public static TestPlatform create() {
    return new TestPlatform(UnaryOperator.identity());
  }

  /** The platform with its provisioning steps replaced, e.g. by failing decorators. */
  public static TestPlatform withSteps(UnaryOperator<List<ProvisioningStep>> decorator) {
    return new TestPlatform(decorator);
  }

  /** Where the test run's PostgreSQL listens, for tests that speak its protocol themselves. */
  public static java.net.InetSocketAddress databaseAddress() {
    return new java.net.InetSocketAddress(
        property("plexica.db.host", "127.0.0.1"),
        Integer.parseInt(property("plexica.db.port", "25432")));
  }

  public static String databaseName() {
    return property("plexica.db.name", "plexica");
  }

  public static synchronized Database database() {
    if (database == null) {
      HikariConfig pool = new HikariConfig();
      java.net.InetSocketAddress address = databaseAddress();
      pool.setJdbcUrl(
          "jdbc:postgresql://"
              + address.getHostString()
              + ":"
              + address.getPort()
              + "/"
              + databaseName()
              + "?stringtype=unspecified");
      pool.setUsername(property("plexica.db.user", "plexica"));
      pool.setPassword(property("plexica.db.password", "plexica"));
      pool.setMaximumPoolSize(16);
      pool.setPoolName("plexica-test");
      HikariDataSource dataSource = new HikariDataSource(pool);
      database =
          new Database(
              DatabaseClusters.single(dataSource, pluginLogins()),
              Database.DEFAULT_TENANT_SESSIONS);
      new PostgresTenantSchemas(database).migrateCore();
    }
    return database;
  }

  /**
   * The plugin installations' database roles, logging in through the driver without a pool (the
   * platform pools them in Liberty).
   */
  public static synchronized InstallationRoles installationRoles() {
    if (installationRoles == null) {
      installationRoles =
          new InstallationRoles(
              database().clusters(),
              property("plexica.plugins.db-secret", "plexica-test-plugin-db-secret-32-bytes!"));
    }
    return installationRoles;
  }

  private static DataSource pluginLogins() {
    PGSimpleDataSource logins = new PGSimpleDataSource();
    logins.setServerNames(new String[] {property("plexica.db.host", "127.0.0.1")});
    logins.setPortNumbers(new int[] {Integer.parseInt(property("plexica.db.port", "25432"))});
    logins.setDatabaseName(property("plexica.db.name", "plexica"));
    logins.setStringType("unspecified");
    return logins;
  }

  /** The Keycloak that {@code bin/plexica test} starts, in development mode. */
  public static KeycloakSettings keycloakSettings() {
    return KeycloakSettings.of(
        property("plexica.keycloak.url", "http://127.0.0.1:28080"),
        "admin",
        "admin",
        List.of("http://localhost:9180/*"),
        List.of("http://localhost:9180/admin/*"),
        "admin",
        "admin",
        true,
        "admin");
  }

  public static synchronized KeycloakRealms realms() {
    if (realms == null) {
      realms = new KeycloakRealms(keycloakSettings());
    }
    return realms;
  }

  /** The S3Proxy that {@code bin/plexica test} starts, with its development credentials. */
  public static StorageSettings storageSettings() {
    return StorageSettings.of(
        property("plexica.storage.endpoint", "http://127.0.0.1:28333"),
        null,
        "us-east-1",
        null,
        null,
        true,
        "plexica-",
        true);
  }

  public static synchronized S3ObjectStorage objectStorage() {
    if (objectStorage == null) {
      objectStorage = new S3ObjectStorage(storageSettings());
    }
    return objectStorage;
  }

  /** The Kafka that {@code bin/plexica test} starts. */
  public static String kafkaBootstrapServers() {
    return property("plexica.kafka.bootstrap-servers", "127.0.0.1:29092");
  }

  /** The Redis that {@code bin/plexica test} starts, reached as the platform reaches it. */
  public static synchronized JedisPooled redis() {
    if (redis == null) {
      redis = redisSettings().connect();
    }
    return redis;
  }

  /** The test run's Redis settings: its ACL user and password come from the launcher. */
  public static RedisSettings redisSettings() {
    return RedisSettings.of(
        property("plexica.redis.host", "127.0.0.1"),
        Integer.parseInt(property("plexica.redis.port", "26379")),
        property("plexica.redis.user", ""),
        property("plexica.redis.password", ""),
        false,
        property("plexica.cache.secret", ""),
        true);
  }

  public static CacheSeal cacheSeal() {
    return redisSettings().seal();
  }

  /** One membership cache for the test run, as a node has one (each listens on its own channel). */
  public static synchronized RedisMembershipCache membershipCache() {
    if (membershipCache == null) {
      membershipCache = RedisMembershipCache.standard(redis(), cacheSeal());
    }
    return membershipCache;
  }

  /** The production access cache on the test Redis, shared by every test of the run. */
  public static synchronized RedisAccessCache accessCache() {
    if (accessCache == null) {
      accessCache = RedisAccessCache.standard(redis(), cacheSeal());
    }
    return accessCache;
  }

  /** The test run's node's memory of active tenants; every test platform shares it. */
  public static synchronized RedisActiveTenants activeTenants() {
    if (activeTenants == null) {
      activeTenants = RedisActiveTenants.standard(redis());
    }
    return activeTenants;
  }

  /** A slug no other test of this run uses. */
  public static String uniqueSlug(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** The newest 100 entries of a tenant's audit trail, of one workspace or of all. */
  public static List<AuditEntry> auditTrail(TenantRef tenant, Optional<UUID> workspaceId) {
    return new JpaAuditLog(database())
        .search(
            tenant,
            new AuditQuery(
                workspaceId,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                new PageRequest(0, 100)))
        .items();
  }

  /** Tables of a schema, by name; empty when the schema does not exist. */
  public static List<String> tablesOf(String schema) {
    return strings(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = ? ORDER BY 1",
        schema);
  }

  public static boolean schemaExists(String schema) {
    return !strings("SELECT nspname FROM pg_namespace WHERE nspname = ?", schema).isEmpty();
  }

  /** Time passes for a lease whose holder is gone: it is expired now. */
  public static void expireLease(String kind, String subject) {
    try (Connection connection = database().dataSource().getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "UPDATE plexica_core.work_lease SET expires_at = now() - interval '1 second'"
                    + " WHERE kind = ? AND subject = ?")) {
      statement.setString(1, kind);
      statement.setString(2, subject);
      if (statement.executeUpdate() != 1) {
        throw new IllegalStateException("No lease " + kind + " on " + subject);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public static List<String> strings(String sql, String parameter) {
    try (Connection connection = database().dataSource().getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, parameter);
      try (ResultSet rows = statement.executeQuery()) {
        var result = new java.util.ArrayList<String>();
        while (rows.next()) {
          result.add(rows.getString(1));
        }
        return result;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A system property, else its environment variable (MicroProfile Config's naming). */
  private static String property(String name, String fallback) {
    String value = System.getProperty(name);
    if (value == null) {
      value = System.getenv(name.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
    }
    return value == null ? fallback : value;
  }

  /** A started outbox relay on the test run's database, reaching Kafka at {@code bootstrap}. */
  public static io.plexica.events.infra.OutboxRelay startRelay(String bootstrap) {
    return new io.plexica.events.infra.OutboxRelay(
            database().dataSource(),
            new io.plexica.events.infra.KafkaSettings(bootstrap),
            java.time.Duration.ofMillis(10),
            io.plexica.events.app.EventMetrics.NONE)
        .start();
  }
}
