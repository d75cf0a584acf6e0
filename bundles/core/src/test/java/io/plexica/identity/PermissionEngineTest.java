package io.plexica.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.plexica.identity.app.PermissionEngine;
import io.plexica.identity.domain.Access;
import io.plexica.identity.domain.RoleName;
import io.plexica.identity.domain.TenantUser;
import io.plexica.identity.domain.UserStatus;
import io.plexica.identity.infra.RedisAccessCache;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.testing.Await;
import io.plexica.testing.TestPlatform;
import io.plexica.testing.TestTokens;
import io.plexica.testing.UsesServices;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The permission engine on a real tenant: users mirrored just in time with their token's roles, and
 * every change of roles, permissions or status effective on the very next check, on this node and
 * on another one sharing the same Redis.
 */
@UsesServices
class PermissionEngineTest {
  private static final TestPlatform PLATFORM = TestPlatform.create();
  private static TenantRef tenant;
  private static Access admin;

  @BeforeAll
  static void provision() {
    tenant = PLATFORM.activeTenant("perm");
    admin = PLATFORM.adminAccess(tenant);
  }

  private static String newRole(Set<String> permissions) {
    String name = "r" + UUID.randomUUID().toString().substring(0, 8);
    PLATFORM.roles.create(tenant, new RoleName(name), null, permissions, admin);
    return name;
  }

  @Test
  void aFirstRequestMirrorsTheUserWithTheRolesOfItsToken() {
    UUID id = UUID.randomUUID();
    var token = TestTokens.of(tenant.slug(), id, id + "@example.com", "user", "offline_access");

    Access access = PLATFORM.permissions.accessOf(tenant, token);

    assertThat(access.roles()).containsExactly("user");
    assertThat(access.grants("workspaces:create")).isTrue();
    assertThat(access.grants("users:invite")).isFalse();
    TenantUser mirrored = PLATFORM.users.get(tenant, id);
    assertThat(mirrored.status()).isEqualTo(UserStatus.ACTIVE);
    assertThat(mirrored.profile().username()).isEqualTo(id + "@example.com");
  }

  @Test
  void rolesComeFromTheTenantNotFromLaterTokens() {
    UUID id = UUID.randomUUID();
    PLATFORM.permissions.accessOf(tenant, TestTokens.of(tenant.slug(), id, id + "@x.io", "guest"));

    Access withClaimedAdmin =
        PLATFORM.permissions.accessOf(
            tenant, TestTokens.of(tenant.slug(), id, id + "@x.io", "admin"));

    assertThat(withClaimedAdmin.roles()).containsExactly("guest");
  }

  @Test
  void aRevokedPermissionStopsOnTheNextCheck() {
    String role = newRole(Set.of("workspaces:read", "workspaces:create"));
    UUID id = UUID.randomUUID();
    var token = TestTokens.of(tenant.slug(), id, id + "@example.com", role);
    assertThat(PLATFORM.permissions.accessOf(tenant, token).grants("workspaces:create")).isTrue();
    assertThat(PLATFORM.permissions.accessOf(tenant, token).grants("workspaces:create")).isTrue();

    PLATFORM.roles.update(
        tenant, role, Optional.empty(), Optional.of(Set.of("workspaces:read")), admin);

    assertThat(PLATFORM.permissions.accessOf(tenant, token).grants("workspaces:create")).isFalse();
    assertThat(PLATFORM.permissions.accessOf(tenant, token).grants("workspaces:read")).isTrue();
  }

  @Test
  void aChangeMadeOnAnotherNodeCountsHereFromTheNextCheck() {
    RedisAccessCache otherCache =
        new RedisAccessCache(
            TestPlatform.redis(),
            TestPlatform.cacheSeal(),
            Duration.ofMinutes(5),
            Duration.ofMinutes(1));
    try {
      Await.until(otherCache::listening, "the other node subscribed");
      PermissionEngine otherNode =
          new PermissionEngine(PLATFORM.identityStore, otherCache, Clock.systemUTC());
      String role = newRole(Set.of("workspaces:read", "plugins:read"));
      UUID id = UUID.randomUUID();
      var token = TestTokens.of(tenant.slug(), id, id + "@example.com", role);
      assertThat(otherNode.accessOf(tenant, token).grants("plugins:read")).isTrue();

      PLATFORM.roles.update(
          tenant, role, Optional.empty(), Optional.of(Set.of("workspaces:read")), admin);

      Await.until(
          () -> !otherNode.accessOf(tenant, token).grants("plugins:read"),
          "the other node to see the revocation");
    } finally {
      otherCache.close();
    }
  }

  @Test
  void aDisabledUserHasNoAccessAndARenamedOneIsMirrored() {
    UUID id = UUID.randomUUID();
    String username = id + "@example.com";
    PLATFORM.permissions.accessOf(tenant, TestTokens.of(tenant.slug(), id, username, "user"));

    Access renamed =
        PLATFORM.permissions.accessOf(
            tenant, TestTokens.withName(tenant.slug(), id, username, "Ada", "Lovelace", "user"));
    assertThat(PLATFORM.users.get(tenant, id).profile().firstName()).isEqualTo("Ada");
    assertThat(renamed.enabled()).isTrue();

    PLATFORM.identityStore.inTransaction(
        tenant,
        tx -> {
          tx.user(id).orElseThrow().setEnabled(false, java.time.Instant.now());
          return null;
        });
    PLATFORM.permissions.changed(tenant);

    Access disabled =
        PLATFORM.permissions.accessOf(
            tenant, TestTokens.withName(tenant.slug(), id, username, "Ada", "Lovelace", "user"));
    assertThat(disabled.enabled()).isFalse();
    assertThat(disabled.grants("workspaces:read")).isFalse();
  }

  /**
   * Users of two tenants checked at once, many times over: each answer comes from its own tenant's
   * tables (EclipseLink once read a collection table of one tenant through another's schema under
   * concurrency; decision 0007).
   */
  @Test
  void concurrentChecksInTwoTenantsReadEachTenantsOwnRoles() throws Exception {
    TenantRef other = PLATFORM.activeTenant("perm-b");
    Access adminOfOther = PLATFORM.adminAccess(other);
    UUID guestId = UUID.randomUUID();
    var guestHere = TestTokens.of(tenant.slug(), guestId, guestId + "@example.com", "guest");
    PLATFORM.permissions.accessOf(tenant, guestHere);
    var adminThere =
        TestTokens.of(other.slug(), adminOfOther.userId(), TestPlatform.ADMIN.value(), "admin");
    var pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<Boolean>> checks = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        boolean here = i % 2 == 0;
        if (i % 20 == 0) {
          PLATFORM.permissions.changed(here ? tenant : other);
        }
        checks.add(
            pool.submit(
                () ->
                    here
                        ? PLATFORM
                            .permissions
                            .accessOf(tenant, guestHere)
                            .roles()
                            .equals(Set.of("guest"))
                        : PLATFORM
                            .permissions
                            .accessOf(other, adminThere)
                            .roles()
                            .equals(Set.of("admin"))));
      }
      for (Future<Boolean> check : checks) {
        assertThat(check.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void concurrentFirstRequestsOfOneUserAllSeeItsRoles() throws Exception {
    TenantRef fresh = PLATFORM.activeTenant("burst");
    Access admin = PLATFORM.adminAccess(fresh);
    PLATFORM.permissions.changed(fresh);
    var token = TestTokens.of(fresh.slug(), admin.userId(), TestPlatform.ADMIN.value(), "admin");
    var pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<Access>> results = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        results.add(pool.submit(() -> PLATFORM.permissions.accessOf(fresh, token)));
      }
      for (Future<Access> result : results) {
        assertThat(result.get().roles()).containsExactly("admin");
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
