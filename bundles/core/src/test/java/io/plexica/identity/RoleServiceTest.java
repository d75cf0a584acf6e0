package io.plexica.identity;

import static io.plexica.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plexica.identity.app.PermissionCatalog;
import io.plexica.identity.app.RoleService;
import io.plexica.identity.domain.Access;
import io.plexica.identity.domain.IdentityProblems;
import io.plexica.identity.domain.RoleName;
import io.plexica.identity.domain.TenantRole;
import io.plexica.shared.problem.ProblemType;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.testing.FailingRealms;
import io.plexica.testing.TestPlatform;
import io.plexica.testing.UsesServices;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Roles of a real tenant: custom roles in the database and in Keycloak, the built-in rules. */
@UsesServices
class RoleServiceTest {
  private static final TestPlatform PLATFORM = TestPlatform.create();
  private static TenantRef tenant;
  private static Access admin;

  @BeforeAll
  static void provision() {
    tenant = PLATFORM.activeTenant("roles");
    admin = PLATFORM.adminAccess(tenant);
  }

  private static RoleName uniqueName() {
    return new RoleName("role-" + UUID.randomUUID().toString().substring(0, 8));
  }

  @Test
  void everyTenantStartsWithTheBuiltInRoles() {
    assertThat(PLATFORM.roles.list(tenant))
        .filteredOn(TenantRole::builtIn)
        .extracting(TenantRole::name)
        .containsExactlyInAnyOrder("admin", "user", "guest");
    TenantRole guest = PLATFORM.roles.get(tenant, "guest");
    assertThat(guest.permissions()).containsExactlyInAnyOrder("tenant:read", "workspaces:read");
  }

  @Test
  void builtInPermissionsAreAllKnownAndAdminHoldsEveryCorePermission() {
    PermissionCatalog catalog = new PermissionCatalog();
    PLATFORM.roles.list(tenant).forEach(r -> assertThat(r.permissions()).allMatch(catalog::knows));
    assertThat(PLATFORM.roles.get(tenant, "admin").permissions())
        .containsExactlyInAnyOrderElementsOf(catalog.all().stream().map(p -> p.name()).toList());
  }

  @Test
  void aCustomRoleIsARealmRoleTooUntilDeleted() {
    RoleName name = uniqueName();

    TenantRole created =
        PLATFORM.roles.create(tenant, name, "Edits", Set.of("workspaces:read"), admin);

    assertThat(created.builtIn()).isFalse();
    assertThat(TestPlatform.realms().roleNames(tenant.slug())).contains(name.value());
    assertProblem(
        () -> PLATFORM.roles.create(tenant, name, null, Set.of(), admin),
        IdentityProblems.ROLE_EXISTS);

    PLATFORM.roles.delete(tenant, name.value(), admin);
    assertThat(TestPlatform.realms().roleNames(tenant.slug())).doesNotContain(name.value());
    assertProblem(() -> PLATFORM.roles.get(tenant, name.value()), IdentityProblems.ROLE_NOT_FOUND);
  }

  @Test
  void unknownPermissionsAreRefusedAndLeaveNoRealmRole() {
    RoleName name = uniqueName();
    assertProblem(
        () -> PLATFORM.roles.create(tenant, name, null, Set.of("rockets:launch"), admin),
        ProblemType.VALIDATION_FAILED);
    assertThat(TestPlatform.realms().roleNames(tenant.slug())).doesNotContain(name.value());
  }

  @Test
  void whenKeycloakRefusesTheRoleIsNotRecorded() {
    RoleService failing =
        new RoleService(
            PLATFORM.identityStore,
            FailingRealms.failing(TestPlatform.realms(), "createRole"),
            new PermissionCatalog(),
            PLATFORM.permissions,
            Clock.systemUTC());
    RoleName name = uniqueName();

    assertThatThrownBy(() -> failing.create(tenant, name, null, Set.of(), admin))
        .hasMessageContaining("injected");
    assertProblem(() -> PLATFORM.roles.get(tenant, name.value()), IdentityProblems.ROLE_NOT_FOUND);
  }

  @Test
  void builtInRolesAreProtected() {
    assertProblem(
        () ->
            PLATFORM.roles.update(
                tenant, "admin", Optional.empty(), Optional.of(Set.of("tenant:read")), admin),
        IdentityProblems.BUILT_IN_ROLE);
    assertProblem(
        () -> PLATFORM.roles.delete(tenant, "user", admin), IdentityProblems.BUILT_IN_ROLE);
    TenantRole guest =
        PLATFORM.roles.update(
            tenant, "guest", Optional.of("Reads things"), Optional.empty(), admin);
    assertThat(guest.description()).isEqualTo("Reads things");
  }

  @Test
  void nobodyGrantsAPermissionItDoesNotHold() {
    Access limited =
        new Access(admin.userId(), true, Set.of("x"), Set.of("roles:manage", "tenant:read"), "p");

    assertProblem(
        () -> PLATFORM.roles.create(tenant, uniqueName(), null, Set.of("plugins:manage"), limited),
        IdentityProblems.PERMISSION_DENIED);
    TenantRole allowed =
        PLATFORM.roles.create(tenant, uniqueName(), null, Set.of("tenant:read"), limited);
    assertThat(allowed.permissions()).containsExactly("tenant:read");
  }

  /** Taking a permission away is handing it out backwards: the same rule, every way. */
  @Test
  void nobodyWithdrawsAPermissionItDoesNotHold() {
    TenantRole auditors =
        PLATFORM.roles.create(
            tenant, uniqueName(), null, Set.of("audit:read", "tenant:read"), admin);
    Access limited =
        new Access(admin.userId(), true, Set.of("x"), Set.of("roles:manage", "tenant:read"), "p");

    assertProblem(
        () -> PLATFORM.roles.delete(tenant, auditors.name(), limited),
        IdentityProblems.PERMISSION_DENIED);
    assertProblem(
        () ->
            PLATFORM.roles.update(
                tenant,
                auditors.name(),
                Optional.empty(),
                Optional.of(Set.of("tenant:read")),
                limited),
        IdentityProblems.PERMISSION_DENIED);
    assertThat(PLATFORM.roles.get(tenant, auditors.name()).permissions())
        .as("nothing changed")
        .containsExactlyInAnyOrder("audit:read", "tenant:read");

    PLATFORM.roles.update(
        tenant, auditors.name(), Optional.empty(), Optional.of(Set.of("audit:read")), admin);
    PLATFORM.roles.delete(tenant, auditors.name(), admin);
    assertProblem(
        () -> PLATFORM.roles.get(tenant, auditors.name()), IdentityProblems.ROLE_NOT_FOUND);
  }
}
