package io.plexica.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plexica.shared.problem.ProblemException;
import io.plexica.tenancy.domain.TenancyProblems;
import io.plexica.tenancy.domain.Tenant;
import io.plexica.tenancy.domain.TenantName;
import io.plexica.tenancy.domain.TenantPage;
import io.plexica.tenancy.domain.TenantQuery;
import io.plexica.tenancy.domain.TenantSlug;
import io.plexica.tenancy.domain.TenantStatus;
import io.plexica.testing.Await;
import io.plexica.testing.TestPlatform;
import io.plexica.testing.UsesServices;
import jakarta.json.Json;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Tenant lifecycle through the service, on the real database, with provisioning inline. */
@UsesServices
class TenantServiceTest {
  private final TestPlatform platform = TestPlatform.create();

  private Tenant create(String prefix) {
    return platform.tenantService.create(
        new TenantSlug(TestPlatform.uniqueSlug(prefix)),
        new TenantName("Tenant " + prefix),
        TestPlatform.ADMIN,
        Json.createObjectBuilder().add("locale", "en").build());
  }

  @Test
  void createProvisionsSchemaTablesAndDefaultWorkspace() {
    Tenant created = create("acme");

    Tenant tenant = platform.tenantService.get(created.slug());
    assertThat(tenant.status()).isEqualTo(TenantStatus.ACTIVE);
    assertThat(tenant.schemaName()).isEqualTo("tenant_" + created.slug().replace('-', '_'));
    assertThat(TestPlatform.tablesOf(tenant.schemaName()))
        .contains("workspace", "flyway_schema_history");
    var report = platform.tenantService.provisioning(tenant.id().toString());
    assertThat(report.attempt()).isEqualTo(1);
    assertThat(report.steps())
        .extracting(s -> s.step())
        .containsExactly(
            "create-schema",
            "migrate-schema",
            "create-bucket",
            "create-realm",
            "seed-default-workspace");
    assertThat(TestPlatform.realms().isEnabled(tenant.slug())).isTrue();
    assertThat(report.steps()).allSatisfy(s -> assertThat(s.finishedAt()).isNotNull());
  }

  @Test
  void aTakenSlugIsRefused() {
    Tenant first = create("dup");

    assertThatThrownBy(
            () ->
                platform.tenantService.create(
                    new TenantSlug(first.slug()),
                    new TenantName("Again"),
                    TestPlatform.ADMIN,
                    null))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.type()).isEqualTo(TenancyProblems.SLUG_TAKEN));
  }

  @Test
  void theDatabaseRefusesASlugTakenByAConcurrentCreate() {
    Tenant first = create("race");
    // The service's look-up cannot see a create that commits in between; the unique index can.
    Tenant sameSlug =
        new Tenant(
            new TenantSlug(first.slug()),
            new TenantName("Racer"),
            TestPlatform.ADMIN,
            "{}",
            Instant.now());

    assertThatThrownBy(() -> platform.tenants.insert(sameSlug))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.type()).isEqualTo(TenancyProblems.SLUG_TAKEN));
  }

  @Test
  void suspendActivateAndIllegalChanges() {
    Tenant tenant = create("life");

    assertThat(TestPlatform.realms().isEnabled(tenant.slug())).isTrue();
    Await.until(TestPlatform.activeTenants()::listening, "the node subscribed to tenant changes");
    // Resolved twice, so the node keeps it in memory: suspending must still stop it at once.
    assertThat(platform.tenantService.resolveActive(tenant.slug(), tenant.id()).id())
        .isEqualTo(tenant.id());
    assertThat(platform.tenantService.resolveActive(tenant.slug(), tenant.id()).id())
        .isEqualTo(tenant.id());
    assertThat(platform.tenantService.suspend(tenant.slug()).status())
        .isEqualTo(TenantStatus.SUSPENDED);
    assertThat(TestPlatform.realms().isEnabled(tenant.slug())).as("realm disabled").isFalse();
    assertThatThrownBy(
            () -> platform.tenantService.resolveActive(tenant.slug(), java.util.UUID.randomUUID()))
        .as("another incarnation's id never resolves to the tenant that holds the slug now")
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.type()).isEqualTo(TenancyProblems.TENANT_NOT_FOUND));
    assertThatThrownBy(() -> platform.tenantService.resolveActive(tenant.slug(), tenant.id()))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.type()).isEqualTo(TenancyProblems.TENANT_UNAVAILABLE));
    assertThat(platform.tenantService.activate(tenant.slug()).status())
        .isEqualTo(TenantStatus.ACTIVE);
    assertThat(TestPlatform.realms().isEnabled(tenant.slug())).isTrue();
    assertThatThrownBy(() -> platform.tenantService.activate(tenant.slug()))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.type()).isEqualTo(TenancyProblems.ILLEGAL_TRANSITION));

    platform.tenantService.delete(tenant.slug(), false);
    assertThat(platform.tenantService.get(tenant.slug()).status()).isEqualTo(TenantStatus.DELETED);
    assertThat(TestPlatform.schemaExists(tenant.schemaName())).as("kept until purged").isTrue();
    assertThatThrownBy(() -> platform.tenantService.activate(tenant.slug()))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.getMessage()).contains("is DELETED and cannot become ACTIVE"));
  }

  @Test
  void purgeDropsTheSchemaAndFreesTheSlug() {
    Tenant tenant = create("purge");

    platform.tenantService.delete(tenant.id().toString(), true);

    assertThat(TestPlatform.schemaExists(tenant.schemaName())).isFalse();
    assertThat(TestPlatform.realms().exists(tenant.slug())).isFalse();
    assertThat(platform.tenants.findById(tenant.id()).orElseThrow().purgedAt()).isNotNull();
    Tenant again =
        platform.tenantService.create(
            new TenantSlug(tenant.slug()), new TenantName("Second life"), TestPlatform.ADMIN, null);
    assertThat(platform.tenantService.get(tenant.slug()).id()).isEqualTo(again.id());
    assertThat(platform.tenantService.get(again.slug()).status()).isEqualTo(TenantStatus.ACTIVE);
  }

  @Test
  void updateRenamesAndMergesSettings() {
    Tenant tenant = create("patch");

    Tenant updated =
        platform.tenantService.update(
            tenant.slug(),
            Optional.of(new TenantName("  Renamed  ")),
            Optional.of(Json.createObjectBuilder().add("theme", "dark").addNull("locale").build()),
            Optional.empty());

    assertThat(updated.name()).isEqualTo("Renamed");
    assertThat(updated.settings()).isEqualTo("{\"theme\":\"dark\"}");
    assertThat(updated.updatedAt()).isAfterOrEqualTo(tenant.updatedAt());
  }

  @Test
  void searchFiltersSortsAndPages() {
    String marker = "zq" + TestPlatform.uniqueSlug("s").substring(2, 8);
    for (int i = 0; i < 5; i++) {
      platform.tenantService.create(
          new TenantSlug(marker + "-" + i),
          new TenantName("Searchable " + i),
          TestPlatform.ADMIN,
          null);
    }
    platform.tenantService.suspend(marker + "-3");

    TenantPage firstPage =
        platform.tenantService.search(TenantQuery.parse(marker, null, "0", "2", "slug"));
    assertThat(firstPage.total()).isEqualTo(5);
    assertThat(firstPage.items())
        .extracting(Tenant::slug)
        .containsExactly(marker + "-0", marker + "-1");
    TenantPage lastPage =
        platform.tenantService.search(TenantQuery.parse(marker, null, "2", "2", "slug"));
    assertThat(lastPage.items()).extracting(Tenant::slug).containsExactly(marker + "-4");
    TenantPage descending =
        platform.tenantService.search(TenantQuery.parse(marker, null, "0", "1", "-slug"));
    assertThat(descending.items()).extracting(Tenant::slug).containsExactly(marker + "-4");
    TenantPage suspended =
        platform.tenantService.search(TenantQuery.parse(marker, "suspended", null, null, null));
    assertThat(suspended.items()).extracting(Tenant::slug).containsExactly(marker + "-3");
    TenantPage likeIsEscaped =
        platform.tenantService.search(TenantQuery.parse("%", null, null, null, null));
    assertThat(likeIsEscaped.total()).isZero();
  }

  @Test
  void unknownTenantsAreNotFound() {
    assertThatThrownBy(() -> platform.tenantService.get("no-such-tenant"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.type()).isEqualTo(TenancyProblems.TENANT_NOT_FOUND));
    assertThatThrownBy(() -> platform.tenantService.get("00000000-0000-0000-0000-000000000000"))
        .isInstanceOf(ProblemException.class);
  }
}
