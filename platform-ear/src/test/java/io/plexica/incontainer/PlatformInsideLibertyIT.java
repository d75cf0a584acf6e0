package io.plexica.incontainer;

import static io.plexica.incontainer.FilterProbes.AFTER_AUTHENTICATION;
import static io.plexica.incontainer.FilterProbes.AFTER_CLIENT_RATE_LIMIT;
import static io.plexica.incontainer.FilterProbes.AFTER_TENANT_CONTEXT;
import static io.plexica.incontainer.FilterProbes.BEFORE_AUTHENTICATION;
import static io.plexica.incontainer.FilterProbes.BEFORE_CLIENT_RATE_LIMIT;
import static io.plexica.incontainer.FilterProbes.BEFORE_DEFERRED_CLIENT_LIMIT;
import static io.plexica.incontainer.FilterProbes.BEFORE_PERMISSION;
import static io.plexica.incontainer.FilterProbes.BEFORE_PLATFORM_ADMIN;
import static io.plexica.incontainer.FilterProbes.BEFORE_TENANT_CONTEXT;
import static io.plexica.incontainer.FilterProbes.BEFORE_TENANT_RATE_LIMIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plexica.events.infra.EventsAtStartup;
import io.plexica.identity.api.BearerAuthentication;
import io.plexica.identity.api.PermissionFilter;
import io.plexica.identity.api.PlatformAdminFilter;
import io.plexica.identity.api.TenantContextFilter;
import io.plexica.identity.domain.RoleName;
import io.plexica.identity.domain.TenantRole;
import io.plexica.incontainer.FilterProbes.Seen;
import io.plexica.plugins.app.PluginManifests;
import io.plexica.plugins.app.PluginRuntime;
import io.plexica.plugins.domain.PluginManifest;
import io.plexica.plugins.infra.PluginEventsAtStartup;
import io.plexica.plugins.infra.PluginsAtStartup;
import io.plexica.ratelimit.api.DeferredClientRateLimit;
import io.plexica.ratelimit.api.RateLimitFilter;
import io.plexica.ratelimit.api.TenantRateLimitFilter;
import io.plexica.ratelimit.app.RateLimits;
import io.plexica.shared.lease.ExpiredWork;
import io.plexica.shared.persistence.Database;
import io.plexica.shared.placement.SchemaAddress;
import io.plexica.tenancy.app.SchemaUpgrade;
import io.plexica.tenancy.app.TenantSchemas;
import io.plexica.testing.Await;
import io.plexica.workspaces.infra.InvitationMailAtStartup;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.AmbiguousResolutionException;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What only the running server can show: each test runs inside a Liberty that Arquillian started
 * with the platform's EAR ({@link PlatformDeployment}), against the same PostgreSQL, Keycloak,
 * Kafka and Redis as the black-box tests, through the beans Liberty's CDI built from the {@code
 * *Beans} producers, the data source Liberty pools, its managed executor, and the Felix framework
 * embedded in the server. The black-box tests see only HTTP answers; these see the wiring behind
 * them.
 */
@ExtendWith(ArquillianExtension.class)
class PlatformInsideLibertyIT {
  private static final Duration START_UP = Duration.ofMinutes(3);

  /**
   * Types several features contribute beans of, collected through {@code Instance<T>} (the lease
   * keeper settles every kind of expired work): ambiguous by design, never injected alone.
   */
  private static final Set<Class<?>> CONTRIBUTIONS = Set.of(ExpiredWork.class);

  private BeanManager beans;
  private Database database;
  private TenantSchemas schemas;
  private SchemaUpgrade upgrade;
  private PluginsAtStartup plugins;
  private PluginEventsAtStartup pluginEvents;
  private EventsAtStartup events;
  private InvitationMailAtStartup invitationMail;
  private PluginRuntime runtime;
  private PluginManifests manifests;

  /** The application's own beans, from the CDI container of the module the test runs in. */
  @BeforeEach
  void lookUpTheApplicationsBeans() {
    CDI<Object> cdi = CDI.current();
    beans = cdi.getBeanManager();
    database = cdi.select(Database.class).get();
    schemas = cdi.select(TenantSchemas.class).get();
    upgrade = cdi.select(SchemaUpgrade.class).get();
    plugins = cdi.select(PluginsAtStartup.class).get();
    pluginEvents = cdi.select(PluginEventsAtStartup.class).get();
    events = cdi.select(EventsAtStartup.class).get();
    invitationMail = cdi.select(InvitationMailAtStartup.class).get();
    runtime = cdi.select(PluginRuntime.class).get();
    manifests = cdi.select(PluginManifests.class).get();
  }

  @Deployment
  static EnterpriseArchive platform() {
    return PlatformDeployment.withTests();
  }

  /**
   * Every bean a {@code *Beans} class produces resolves to exactly one bean for each of its types,
   * and can be created: the composition root the service tests rebuild by hand is the one Liberty
   * builds, with no ambiguous or unsatisfied type that only an injection point added later would
   * reveal, and no producer CDI failed to see.
   */
  @Test
  void everyProducedBeanResolvesUnambiguouslyAndIsCreated() {
    Set<Class<?>> beansClasses = new HashSet<>();
    List<Bean<?>> produced = new ArrayList<>();
    for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
      Class<?> declaring = bean.getBeanClass();
      if (declaring.getName().startsWith("io.plexica.")
          && declaring.getSimpleName().endsWith("Beans")) {
        beansClasses.add(declaring);
        if (!bean.getTypes().contains(declaring)) {
          produced.add(bean);
        }
      }
    }
    long producerMethods =
        beansClasses.stream()
            .flatMap(c -> Arrays.stream(c.getDeclaredMethods()))
            .filter(m -> m.isAnnotationPresent(Produces.class))
            .count();
    assertThat(beansClasses).as("the *Beans classes CDI found").hasSizeGreaterThan(5);
    assertThat(produced).as("producer beans").hasSize((int) producerMethods);

    List<String> unresolved = new ArrayList<>();
    for (Bean<?> bean : produced) {
      for (Type type : checkedTypes(bean)) {
        if (CONTRIBUTIONS.contains(type)) {
          continue;
        }
        Set<Bean<?>> candidates =
            beans.getBeans(type, bean.getQualifiers().toArray(new Annotation[0]));
        try {
          if (beans.resolve(candidates) != bean) {
            unresolved.add(type + " resolves to another bean than " + bean);
          }
        } catch (AmbiguousResolutionException e) {
          unresolved.add(type + " is ambiguous: " + candidates);
        }
      }
      Type main = declaredType(bean);
      assertThat(beans.getReference(bean, main, beans.createCreationalContext(bean)))
          .as("the %s %s produces", main, bean.getBeanClass().getSimpleName())
          .isNotNull();
    }
    assertThat(unresolved)
        .as("produced platform types that do not resolve to their producer")
        .isEmpty();
  }

  /**
   * The types an injection point may name: the platform's own, and the producer's declared type (a
   * JDK supertype such as {@code AutoCloseable} is shared by many beans and injected nowhere).
   */
  private static Set<Type> checkedTypes(Bean<?> bean) {
    Set<Type> types = new HashSet<>();
    types.add(declaredType(bean));
    for (Type type : bean.getTypes()) {
      if (rawClass(type).getName().startsWith("io.plexica.")) {
        types.add(type);
      }
    }
    return types;
  }

  /** The producer's return type: the one bean type every other is a supertype of. */
  private static Type declaredType(Bean<?> bean) {
    return bean.getTypes().stream()
        .filter(
            candidate ->
                bean.getTypes().stream()
                    .allMatch(other -> rawClass(other).isAssignableFrom(rawClass(candidate))))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No most specific type among " + bean.getTypes()));
  }

  private static Class<?> rawClass(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
      return c;
    }
    return Object.class;
  }

  /**
   * Work that needs the migrated schemas is chained to the upgrade, not parked on Liberty's
   * executor: the plugin runtime, the outbox relay, plugin event delivery and invitation mail all
   * started on this server (four sleeping waiters once took every thread of the executor and left a
   * restarted replica unready for minutes).
   */
  @Test
  void startUpWorkChainedToTheSchemaUpgradeRanOnLibertysExecutor() {
    await("the schemas migrated", upgrade::isBackgroundDone);
    await("the plugins started", plugins::done);
    await("the outbox relay started", () -> events.relay().isPresent());
    await("plugin event delivery started", () -> pluginEvents.dispatcher().isPresent());
    await("invitation mail started", invitationMail::mailing);
  }

  /**
   * A tenant's unit of work reads and writes its own schema only, on connections Liberty's pools
   * hand round between tenants, whichever cluster holds the schema (the test platform has a second
   * one); a unit of work that fails leaves nothing (the data sources are not JTA-enlisted: the
   * platform's resource-local transaction is the boundary).
   */
  @Test
  void tenantUnitsOfWorkStayInTheirSchemaOnPooledConnectionsAndRollBackOnFailure() {
    List<String> clusters = List.copyOf(database.clusters().ids());
    assertThat(clusters).as("the test platform's clusters").hasSizeGreaterThan(1);
    SchemaAddress a =
        new SchemaAddress(
            clusters.get(0), "incontainer_" + UUID.randomUUID().toString().substring(0, 8));
    SchemaAddress b =
        new SchemaAddress(
            clusters.get(1), "incontainer_" + UUID.randomUUID().toString().substring(0, 8));
    try {
      for (SchemaAddress schema : List.of(a, b)) {
        schemas.create(schema);
        schemas.migrate(schema);
      }
      assertThat(schemas.exists(new SchemaAddress(b.cluster(), a.schema())))
          .as("each schema is made on its own cluster only")
          .isFalse();
      for (int i = 0; i < 30; i++) {
        String role = "role-" + i;
        database.inTenant(
            a,
            em -> {
              em.persist(new TenantRole(new RoleName(role), "in " + a, Set.of(), Instant.now()));
              return null;
            });
        assertThat(roleIn(b, role)).isEmpty();
        assertThat(roleIn(a, role)).isPresent();
      }
      assertThatThrownBy(
              () ->
                  database.inTenant(
                      b,
                      em -> {
                        em.persist(
                            new TenantRole(new RoleName("lost"), "", Set.of(), Instant.now()));
                        em.flush();
                        throw new IllegalStateException("the unit of work fails after writing");
                      }))
          .hasMessageContaining("fails after writing");
      assertThat(roleIn(b, "lost")).isEmpty();
    } finally {
      schemas.drop(a);
      schemas.drop(b);
    }
  }

  private Optional<TenantRole> roleIn(SchemaAddress schema, String name) {
    return Optional.ofNullable(database.readTenant(schema, em -> em.find(TenantRole.class, name)));
  }

  /**
   * The Felix framework embedded in Liberty resolves a plugin bundle against the SDK packages the
   * server exports, Declarative Services inside it register the plugin's routes, the route index
   * follows them, and they are gone when the bundle stops.
   */
  @Test
  void aPluginBundleStartsInsideTheServerAndItsRoutesComeAndGoWithIt() throws IOException {
    await("the plugins started", plugins::done);
    byte[] jar;
    try (InputStream in =
        PlatformInsideLibertyIT.class.getResourceAsStream(PlatformDeployment.NOTES_BUNDLE)) {
      assertThat(in).as("the notes sample bundle in the test archive").isNotNull();
      jar = in.readAllBytes();
    }
    PluginManifest manifest = manifests.read(jar);
    runtime.deactivate(manifest.id(), manifest.version());
    assertThat(runtime.route(manifest.id(), manifest.version(), "GET", "/notes")).isEmpty();

    runtime.activate(manifest, jar);
    await(
        "the notes routes registered by Declarative Services",
        () -> runtime.route(manifest.id(), manifest.version(), "GET", "/notes").isPresent());
    assertThat(runtime.activeVersions(manifest.id())).contains(manifest.version());

    runtime.deactivate(manifest.id(), manifest.version());
    assertThat(runtime.route(manifest.id(), manifest.version(), "GET", "/notes")).isEmpty();
    assertThat(runtime.activeVersions(manifest.id())).doesNotContain(manifest.version());
  }

  /**
   * Liberty's JAX-RS runtime runs the platform's request filters, global and name-bound ones
   * together, in the order of their priorities, and a filter that refuses ends the chain where it
   * stands: rate limit before the token, the token before any authorization, the platform-admin
   * check before the tenant, the tenant (and the caller's access) before its rate limit and the
   * permission check. Probes of the test deployment ({@link FilterProbes}) sit on both sides of
   * each filter and record what the request carries when they run.
   */
  @Test
  void theRequestFiltersRunInTheirDeclaredOrderAndARefusalEndsTheChainWhereItStands() {
    assertThat(cdi(RateLimits.class).enabled()).as("rate limits in the test server").isTrue();
    assertBetweenItsProbes(RateLimitFilter.class, BEFORE_CLIENT_RATE_LIMIT);
    assertBetweenItsProbes(BearerAuthentication.class, BEFORE_AUTHENTICATION);
    assertBetweenItsProbes(PlatformAdminFilter.class, BEFORE_PLATFORM_ADMIN);
    assertBetweenItsProbes(TenantContextFilter.class, BEFORE_TENANT_CONTEXT);
    assertBetweenItsProbes(TenantRateLimitFilter.class, BEFORE_TENANT_RATE_LIMIT);
    assertBetweenItsProbes(DeferredClientRateLimit.class, BEFORE_DEFERRED_CLIENT_LIMIT);
    assertBetweenItsProbes(PermissionFilter.class, BEFORE_PERMISSION);

    // Made here, inside the server: JUnit makes the test class on the client side too, which has
    // no MicroProfile Config.
    OwnServer server = new OwnServer();
    String platformAdmin = server.platformAdminToken();
    String slug = "filters-" + UUID.randomUUID().toString().substring(0, 8);
    String tenant =
        "{\"slug\":\"%s\",\"name\":\"Filter order\",\"adminEmail\":\"admin@%s.example\"}"
            .formatted(slug, slug);
    assertThat(server.api("POST", "/tenants", platformAdmin, tenant, Map.of()).status())
        .isEqualTo(202);
    await(
        "tenant " + slug + " active",
        () ->
            "ACTIVE"
                .equals(
                    server
                        .api("GET", "/tenants/" + slug, platformAdmin, null, Map.of())
                        .json()
                        .getString("status", "")));
    String tenantAdmin = server.tenantAdminToken(slug);
    OwnServer.Answer account =
        server.api(
            "POST",
            "/service-accounts",
            tenantAdmin,
            "{\"name\":\"filter probe\",\"roles\":[\"guest\"]}",
            Map.of());
    assertThat(account.status()).as("service account: %s", account).isEqualTo(201);
    JsonObject credentials = account.json().getJsonObject("credentials");
    String guest =
        server.clientCredentialsToken(
            credentials.getString("tokenEndpoint"),
            credentials.getString("clientId"),
            credentials.getString("clientSecret"));

    Probed admitted = probe(server, "/users", tenantAdmin);
    assertThat(admitted.status()).isEqualTo(200);
    assertThat(admitted.ran()).isEqualTo(FilterProbes.ALL);
    assertThat(admitted.where(Seen::authenticated)).isEqualTo(from(AFTER_AUTHENTICATION));
    assertThat(admitted.where(Seen::inTenant)).isEqualTo(from(AFTER_TENANT_CONTEXT));
    assertThat(admitted.where(Seen::clientCountDeferred))
        .as("the client's count waits for the token, then goes with the tenant's")
        .isEqualTo(between(AFTER_CLIENT_RATE_LIMIT, BEFORE_TENANT_RATE_LIMIT));

    Probed platformCall = probe(server, "/tenants/" + slug, platformAdmin);
    assertThat(platformCall.status()).isEqualTo(200);
    assertThat(platformCall.ran()).isEqualTo(FilterProbes.ALL);
    assertThat(platformCall.where(Seen::inTenant)).isEmpty();
    assertThat(platformCall.where(Seen::clientCountDeferred))
        .as("outside a tenant the deferred count is taken on its own")
        .isEqualTo(between(AFTER_CLIENT_RATE_LIMIT, BEFORE_DEFERRED_CLIENT_LIMIT));

    Probed badToken = probe(server, "/users", "not-a-token");
    assertThat(badToken.status()).isEqualTo(401);
    assertThat(badToken.ran()).isEqualTo(upTo(BEFORE_AUTHENTICATION));

    Probed tenantAdminOnPlatform = probe(server, "/tenants/" + slug, tenantAdmin);
    assertThat(tenantAdminOnPlatform.status()).isEqualTo(403);
    assertThat(tenantAdminOnPlatform.ran()).isEqualTo(upTo(BEFORE_PLATFORM_ADMIN));

    Probed platformAdminInTenant = probe(server, "/users", platformAdmin);
    assertThat(platformAdminInTenant.status()).isEqualTo(403);
    assertThat(platformAdminInTenant.ran()).isEqualTo(upTo(BEFORE_TENANT_CONTEXT));

    Probed withoutPermission = probe(server, "/users", guest);
    assertThat(withoutPermission.status()).isEqualTo(403);
    assertThat(withoutPermission.ran()).isEqualTo(upTo(BEFORE_PERMISSION));
    assertThat(withoutPermission.where(Seen::inTenant))
        .as("the permission is checked against the tenant's access, resolved before it")
        .isEqualTo(between(AFTER_TENANT_CONTEXT, BEFORE_PERMISSION));
  }

  /** What the probes saw of one GET. */
  private record Probed(int status, List<Seen> seen) {
    List<Integer> ran() {
      return seen.stream().map(Seen::priority).toList();
    }

    List<Integer> where(Predicate<Seen> state) {
      return seen.stream().filter(state).map(Seen::priority).toList();
    }
  }

  private static Probed probe(OwnServer server, String path, String token) {
    String probe = FilterProbes.newProbe();
    int status = server.api("GET", path, token, null, Map.of(FilterProbes.HEADER, probe)).status();
    return new Probed(status, FilterProbes.seenBy(probe));
  }

  private static List<Integer> from(int first) {
    return between(first, Integer.MAX_VALUE);
  }

  private static List<Integer> upTo(int last) {
    return between(Integer.MIN_VALUE, last);
  }

  private static List<Integer> between(int first, int last) {
    return FilterProbes.ALL.stream().filter(p -> p >= first && p <= last).toList();
  }

  /** A platform filter's declared priority lies between the probe before it and the next one. */
  private static void assertBetweenItsProbes(Class<?> filter, int probeBefore) {
    int next = FilterProbes.ALL.get(FilterProbes.ALL.indexOf(probeBefore) + 1);
    assertThat(filter.getAnnotation(Priority.class).value())
        .as("priority of %s", filter.getSimpleName())
        .isStrictlyBetween(probeBefore, next);
  }

  private static <T> T cdi(Class<T> type) {
    return CDI.current().select(type).get();
  }

  private static void await(String what, BooleanSupplier condition) {
    Await.until(condition, what, START_UP, Duration.ofMillis(100));
  }
}
