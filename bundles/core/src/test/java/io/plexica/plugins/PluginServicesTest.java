package io.plexica.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plexica.identity.domain.Access;
import io.plexica.identity.domain.IdentityProblems;
import io.plexica.plugins.app.CallContexts;
import io.plexica.plugins.app.PluginInstallations;
import io.plexica.plugins.app.PluginRouter;
import io.plexica.plugins.app.PluginServiceDirectory;
import io.plexica.plugins.domain.PluginManifest;
import io.plexica.plugins.domain.PluginProblems;
import io.plexica.plugins.domain.PluginStore;
import io.plexica.plugins.domain.PluginTables;
import io.plexica.sdk.CallContext;
import io.plexica.sdk.data.PluginData;
import io.plexica.sdk.route.RouteResponse;
import io.plexica.sdk.service.PluginGateway;
import io.plexica.sdk.service.PluginServices;
import io.plexica.sdk.service.ServiceUnavailable;
import io.plexica.shared.json.JsonText;
import io.plexica.shared.problem.ProblemException;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.testing.PluginNode;
import io.plexica.testing.TestBundles;
import io.plexica.testing.TestPlatform;
import io.plexica.testing.UsesServices;
import jakarta.json.JsonObject;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * One plugin calling another through the platform, with the real samples in a real Felix on the
 * test run's PostgreSQL: newsletter asks for crm's {@code CrmContacts} service and calls crm's
 * routes; tenant A runs crm 1.1.0 (API 1.0.0), tenant B crm 1.2.0 (API 1.1.0), side by side, and
 * each reaches its own.
 */
@UsesServices
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PluginServicesTest {
  private static final String READ_CONTACTS = "crm:contacts:read";
  private static final String READ_AUDIENCE = "newsletter:audience:read";

  private final TestPlatform platform = TestPlatform.create();
  private final List<String> counted = new CopyOnWriteArrayList<>();
  private PluginNode node;
  private PluginStore store;
  private PluginInstallations installations;
  private TenantRef a;
  private TenantRef b;
  private boolean analyticsDeployedHere;

  @BeforeAll
  void twoTenantsOnTwoVersionsOfCrm() throws Exception {
    node =
        new PluginNode(
            platform,
            (caller, callee, path, took, failed) ->
                counted.add(caller + ">" + callee + ":" + path));
    store = node.store;
    installations = node.installations;
    for (String earlier : List.of("newsletter", "crm")) {
      // Deployed by an earlier run on the same database, perhaps from other sources.
      if (store.find(earlier).isPresent()) {
        node.deployment.remove(earlier);
      }
    }
    analyticsDeployedHere = store.find("analytics").isEmpty();
    for (String sample : List.of("analytics", "crm", "crm-next", "newsletter")) {
      node.deployOnce(TestBundles.sample(sample));
    }
    a = platform.activeTenant("svc-a");
    b = platform.activeTenant("svc-b");
    for (TenantRef tenant : List.of(a, b)) {
      installations.install(tenant, "analytics", Optional.empty(), "{\"label\":\"x\"}");
    }
    installations.install(a, "crm", Optional.of("1.1.0"), "{}");
    installations.install(b, "crm", Optional.of("1.2.0"), "{}");
    for (TenantRef tenant : List.of(a, b)) {
      installations.install(tenant, "newsletter", Optional.empty(), "{}");
    }
    call(
        a,
        everything(),
        "crm",
        "POST",
        "/contacts",
        "{\"name\":\"Ada\",\"email\":\"ada@a.example\"}");
    call(
        b,
        everything(),
        "crm",
        "POST",
        "/contacts",
        "{\"name\":\"Bob\",\"email\":\"bob@b.example\"}");
    call(a, everything(), "crm", "POST", "/companies", "{\"name\":\"Acme\"}");
  }

  @AfterAll
  void stop() {
    for (TenantRef tenant : List.of(a, b)) {
      for (String plugin : List.of("newsletter", "crm", "analytics")) {
        installations.uninstall(tenant, plugin, true);
      }
    }
    // The registry is the whole platform's: leave no crm (least of all the code-less 2.0.0) to
    // the integration tests that run on the same database.
    node.deployment.remove("newsletter");
    node.deployment.remove("crm");
    if (analyticsDeployedHere) {
      // The browser flows upload analytics and expect to deploy it, not to find it there.
      node.deployment.remove("analytics");
    }
    node.close();
  }

  @Test
  void eachTenantsCallReachesTheVersionItInstalledByServiceAndByRoute() {
    JsonObject inA = answer(call(a, everything(), "newsletter", "GET", "/audience", null));
    JsonObject inB = answer(call(b, everything(), "newsletter", "GET", "/audience", null));

    assertThat(inA.getString("crmVersion")).isEqualTo("1.1.0");
    assertThat(inA.getString("apiVersion")).isEqualTo("1.0.0");
    assertThat(inA.getJsonArray("people").getJsonObject(0).getString("email"))
        .isEqualTo("ada@a.example");
    assertThat(inA.getJsonArray("people")).hasSize(1);
    assertThat(inB.getString("crmVersion")).isEqualTo("1.2.0");
    assertThat(inB.getString("apiVersion")).isEqualTo("1.1.0");
    assertThat(inB.getJsonArray("people")).hasSize(1);
    assertThat(inB.getJsonArray("people").getJsonObject(0).getString("name")).isEqualTo("Bob");

    JsonObject companiesA = answer(call(a, everything(), "newsletter", "GET", "/companies", null));
    JsonObject companiesB = answer(call(b, everything(), "newsletter", "GET", "/companies", null));
    assertThat(companiesA.getJsonArray("companies").getJsonObject(0).getString("name"))
        .isEqualTo("Acme");
    assertThat(companiesB.getJsonArray("companies")).isEmpty();
    assertThat(counted).contains("newsletter>crm:service", "newsletter>crm:route");
  }

  @Test
  void aSharedViewIsReadByADependentAndRefusedByPostgresqlToAnyOtherPlugin() throws Exception {
    JsonObject inA =
        answer(call(a, everything(), "newsletter", "GET", "/audience/from-view", null));
    JsonObject inB =
        answer(call(b, everything(), "newsletter", "GET", "/audience/from-view", null));
    assertThat(inA.getJsonArray("people").getJsonObject(0).getString("name")).isEqualTo("Ada");
    assertThat(inA.getJsonArray("people")).hasSize(1);
    assertThat(inB.getJsonArray("people").getJsonObject(0).getString("name")).isEqualTo("Bob");

    Bundle analytics = node.bundleOf("analytics");
    PluginData data =
        analytics
            .getBundleContext()
            .getService(analytics.getBundleContext().getServiceReference(PluginData.class));
    CallContext context = context(a, Set.of());
    CallContexts.Withdrawal issued = CallContexts.SHARED.issue("analytics", context);
    try {
      assertThatThrownBy(
              () -> data.query(context, "SELECT name, email FROM ${crm:contact_directory}"))
          .isInstanceOfSatisfying(
              ProblemException.class, e -> assertThat(e.type()).isEqualTo(PluginTables.SQL_REFUSED))
          .hasMessageContaining("permission denied");
      assertThatThrownBy(() -> data.update(context, "DELETE FROM ${crm:contacts}"))
          .as("nor crm's tables")
          .hasMessageContaining("permission denied");
    } finally {
      issued.close();
    }
  }

  @Test
  void aUserWithoutTheCalleesPermissionIsRefusedNamingIt() {
    Access audienceOnly = access(Set.of(READ_AUDIENCE));
    for (String path : List.of("/audience", "/companies")) {
      assertThatThrownBy(() -> call(a, audienceOnly, "newsletter", "GET", path, null))
          .isInstanceOfSatisfying(
              ProblemException.class,
              e -> assertThat(e.type()).isEqualTo(IdentityProblems.PERMISSION_DENIED))
          .hasMessageContaining(READ_CONTACTS);
    }
  }

  @Test
  void aHandleChecksTheCalleeAtEveryOperationAndDiesWithItsCall() throws Exception {
    Bundle newsletter = node.bundleOf("newsletter");
    Class<?> contactsType = newsletter.loadClass("io.plexica.samples.crm.api.CrmContacts");
    Method contacts = contactsType.getMethod("contacts", CallContext.class);
    PluginServices services = servicesOf(newsletter);
    CallContext context = context(a, Set.of(READ_AUDIENCE, READ_CONTACTS));
    CallContexts.Withdrawal issued = CallContexts.SHARED.issue("newsletter", context);
    Object handle = services.get(context, contactsType);
    assertThat((List<?>) contacts.invoke(handle, context)).hasSize(1);

    // crm disabled while the call runs (another node, an administrator of the tenant)
    store.updateInstallation(a.id(), "crm", i -> i.setEnabled(false, java.time.Instant.now()));
    assertThatThrownBy(() -> invoke(contacts, handle, context))
        .isInstanceOf(ServiceUnavailable.class)
        .hasMessageContaining("not installed and enabled");
    assertThat(services.find(context, contactsType)).isEmpty();
    store.updateInstallation(a.id(), "crm", i -> i.setEnabled(true, java.time.Instant.now()));
    assertThat((List<?>) contacts.invoke(handle, context)).hasSize(1);

    issued.close();
    assertThatThrownBy(() -> invoke(contacts, handle, context))
        .isInstanceOf(ServiceUnavailable.class)
        .hasMessageContaining("kept after the call");
    assertThatThrownBy(() -> services.get(context, contactsType))
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("did not give it");
  }

  @Test
  void aPluginThatDoesNotNameTheCalleeAmongItsDependenciesIsRefusedByServiceAndByRoute()
      throws Exception {
    // Imports crm's API package (so its class space can name CrmContacts) but leaves crm out of
    // the dependencies of its plugin.json: installing it, and crm's, is not consent to calls.
    String snoopJson =
        "{\"id\":\"snoop\",\"version\":\"1.0.0\",\"name\":\"Snoop\",\"vendor\":\"t\","
            + "\"description\":\"Reads crm without saying so\",\"sdk\":\"[1.1,2)\"}";
    node.deployOnce(
        TestBundles.jar(
            Map.of(
                "Bundle-ManifestVersion", "2",
                "Bundle-SymbolicName", "io.plexica.test.snoop",
                "Bundle-Version", "1.0.0",
                "Import-Package",
                    "io.plexica.samples.crm.api;version=\"[1.0,2)\","
                        + "io.plexica.sdk;version=\"[1.1,2)\","
                        + "io.plexica.sdk.service;version=\"[1.0,2)\""),
            Map.of(PluginManifest.LOCATION, snoopJson)));
    try {
      installations.install(a, "snoop", Optional.empty(), "{}");
      Bundle snoop = node.bundleOf("snoop");
      Class<?> contactsType = snoop.loadClass("io.plexica.samples.crm.api.CrmContacts");
      CallContext context = context(a, Set.of(READ_CONTACTS));
      CallContexts.Withdrawal issued = CallContexts.SHARED.issue("snoop", context);
      try {
        assertThatThrownBy(() -> servicesOf(snoop).get(context, contactsType))
            .isInstanceOf(ServiceUnavailable.class)
            .hasMessageContaining("'snoop' 1.0.0 does not name 'crm' among the dependencies");
        assertThat(servicesOf(snoop).find(context, contactsType)).isEmpty();
        assertThatThrownBy(() -> gatewayOf(snoop).get(context, "crm", "/contacts"))
            .isInstanceOf(ServiceUnavailable.class)
            .hasMessageContaining("does not name 'crm' among the dependencies");
      } finally {
        issued.close();
      }
      // The same user, through newsletter (which names crm), is served.
      assertThat(
              answer(call(a, everything(), "newsletter", "GET", "/audience", null))
                  .getJsonArray("people"))
          .hasSize(1);
    } finally {
      installations.uninstall(a, "snoop", true);
      node.deployment.remove("snoop");
    }
  }

  @Test
  void anUpgradeOfTheCalleeOutsideADependentsImportIsRefusedNamingIt() {
    String crm2Json =
        new String(
                TestBundles.entry(TestBundles.sample("crm"), PluginManifest.LOCATION),
                StandardCharsets.UTF_8)
            .replace("\"version\": \"1.1.0\"", "\"version\": \"2.0.0\"");
    node.deployOnce(
        TestBundles.jar(
            Map.of(
                "Bundle-ManifestVersion", "2",
                "Bundle-SymbolicName", "io.plexica.samples.crm",
                "Bundle-Version", "2.0.0",
                "Export-Package", "io.plexica.samples.crm.api;version=\"2.0.0\""),
            Map.of(PluginManifest.LOCATION, crm2Json)));

    assertThatThrownBy(() -> installations.upgrade(a, "crm", Optional.of("2.0.0")))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.type()).isEqualTo(PluginProblems.PACKAGE_UNMET))
        .hasMessageContaining("'newsletter' 1.0.0")
        .hasMessageContaining("io.plexica.samples.crm.api [1.0.0,2.0.0) (crm exports 2.0.0)");
    assertThat(store.installation(a.id(), "crm").orElseThrow().pluginVersion()).isEqualTo("1.1.0");
  }

  @Test
  void whatAnInstallationNeedsIsShownAsATreeBeforehand() {
    PluginManifest newsletter = node.deployment.manifest("newsletter", "1.0.0");
    assertThat(installations.requirements(a, newsletter))
        .containsExactly(
            new PluginInstallations.Requirement("crm", "[1.1,2)", 0, Optional.of("1.1.0"), true));
    TenantRef empty = platform.activeTenant("svc-empty");
    assertThat(installations.requirements(empty, newsletter))
        .containsExactly(
            new PluginInstallations.Requirement("crm", "[1.1,2)", 0, Optional.empty(), false),
            new PluginInstallations.Requirement(
                "analytics", "[1.0,3)", 1, Optional.empty(), false));
  }

  @Test
  void theDirectoryShowsEachTenantsServicesAndWhoMayCallThem() {
    PluginServiceDirectory directory =
        new PluginServiceDirectory(installations, node.deployment, node.runtime);
    var inB = directory.forTenant(b);
    assertThat(inB).hasSize(1);
    assertThat(inB.get(0).service()).isEqualTo("io.plexica.samples.crm.api.CrmContacts");
    assertThat(inB.get(0).apiVersion()).isEqualTo("1.1.0");
    assertThat(inB.get(0).operations())
        .containsEntry("contacts", READ_CONTACTS)
        .containsEntry("contactByEmail", READ_CONTACTS);
    assertThat(inB.get(0).consumers())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.pluginId()).isEqualTo("newsletter");
              assertThat(c.imports()).isEqualTo("[1.0.0,2.0.0)");
              assertThat(c.compatible()).isTrue();
            });
  }

  private static Object invoke(Method method, Object target, Object... arguments) throws Throwable {
    try {
      return method.invoke(target, arguments);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static PluginServices servicesOf(Bundle bundle) {
    ServiceReference<PluginServices> reference =
        bundle.getBundleContext().getServiceReference(PluginServices.class);
    return bundle.getBundleContext().getService(reference);
  }

  private static PluginGateway gatewayOf(Bundle bundle) {
    ServiceReference<PluginGateway> reference =
        bundle.getBundleContext().getServiceReference(PluginGateway.class);
    return bundle.getBundleContext().getService(reference);
  }

  private static Access access(Set<String> permissions) {
    return new Access(UUID.randomUUID(), true, Set.of(), permissions, "test");
  }

  private static Access everything() {
    return access(Set.of(READ_AUDIENCE, READ_CONTACTS, "crm:contacts:write"));
  }

  private static CallContext context(TenantRef tenant, Set<String> permissions) {
    return new CallContext(
        tenant.id(),
        tenant.slug(),
        Optional.of(UUID.randomUUID()),
        Optional.of("ann"),
        permissions,
        Optional.empty(),
        jakarta.json.JsonValue.EMPTY_JSON_OBJECT);
  }

  private RouteResponse call(
      TenantRef tenant, Access access, String plugin, String method, String path, String body) {
    return node.router.call(
        tenant,
        access,
        "ann",
        new PluginRouter.Call(
            plugin,
            method,
            path,
            Map.of(),
            Optional.ofNullable(body).map(text -> (jakarta.json.JsonValue) JsonText.object(text)),
            Optional.empty(),
            Optional.empty()));
  }

  private static JsonObject answer(RouteResponse response) {
    return response.body().orElseThrow().asJsonObject();
  }
}
