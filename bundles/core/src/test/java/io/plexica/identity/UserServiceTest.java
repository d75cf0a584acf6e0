package io.plexica.identity;

import static io.plexica.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plexica.audit.domain.AuditEntry;
import io.plexica.identity.app.UserService;
import io.plexica.identity.app.UserService.Invitation;
import io.plexica.identity.domain.Access;
import io.plexica.identity.domain.IdentityProblems;
import io.plexica.identity.domain.RoleName;
import io.plexica.identity.domain.TenantUser;
import io.plexica.identity.domain.UserProfile;
import io.plexica.identity.domain.UserQuery;
import io.plexica.identity.domain.UserStatus;
import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.problem.ProblemType;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.testing.FailingRealms;
import io.plexica.testing.TestPlatform;
import io.plexica.testing.TestTokens;
import io.plexica.testing.UsesServices;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Users of a real tenant against real Keycloak: invitations, roles, disabling, sync, the rules. */
@UsesServices
class UserServiceTest {
  private static final TestPlatform PLATFORM = TestPlatform.create();
  private static TenantRef tenant;
  private static Access admin;
  private static final AuditEntry.Actor BY = new AuditEntry.Actor(null, "test");

  @BeforeAll
  static void provision() {
    tenant = PLATFORM.activeTenant("users");
    admin = PLATFORM.adminAccess(tenant);
  }

  private static TenantUser invite(String name, String... roles) {
    String email = name + "-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
    return PLATFORM.users.invite(
        tenant,
        new Invitation(new UserProfile(email, email, "First", name), Set.of(roles), null),
        admin,
        BY);
  }

  private static Access accessOf(TenantUser user) {
    return accessOf(tenant, user);
  }

  @Test
  void provisioningMirrorsTheFirstAdministrator() {
    var page = PLATFORM.users.search(tenant, UserQuery.parse(null, null, "admin", null, null));
    assertThat(page.items())
        .extracting(u -> u.profile().username())
        .contains(TestPlatform.ADMIN.value());
  }

  @Test
  void anInvitedUserExistsInKeycloakWithItsRolesAndIsInvitedHere() {
    TenantUser grace = invite("grace", "user");

    assertThat(grace.status()).isEqualTo(UserStatus.INVITED);
    var inRealm =
        TestPlatform.realms().users(tenant.slug(), Set.of("admin", "user", "guest")).stream()
            .filter(u -> u.id().equals(grace.id().toString()))
            .findFirst()
            .orElseThrow();
    assertThat(inRealm.roles()).containsExactly("user");
    assertThat(accessOf(grace).grants("workspaces:create")).isTrue();
    assertThat(PLATFORM.users.get(tenant, grace.id()).status()).isEqualTo(UserStatus.ACTIVE);
  }

  @Test
  void aSecondInvitationForTheSameAddressIsRefusedAndChangesNothing() {
    TenantUser first = invite("twice", "guest");
    long before =
        PLATFORM.users.search(tenant, UserQuery.parse(null, null, null, null, "100")).total();

    assertProblem(
        () ->
            PLATFORM.users.invite(
                tenant, new Invitation(first.profile(), Set.of("guest"), null), admin, BY),
        IdentityProblems.USER_EXISTS);
    assertThat(
            PLATFORM.users.search(tenant, UserQuery.parse(null, null, null, null, "100")).total())
        .isEqualTo(before);
  }

  @Test
  void anUnknownRoleIsRefusedBeforeKeycloakIsTouched() {
    String email = "nobody-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
    assertProblem(
        () ->
            PLATFORM.users.invite(
                tenant,
                new Invitation(new UserProfile(email, email, "No", "Body"), Set.of("wizard"), null),
                admin,
                BY),
        ProblemType.VALIDATION_FAILED);
    assertThat(TestPlatform.realms().users(tenant.slug(), Set.of()))
        .noneMatch(u -> u.profile().username().equals(email));
  }

  @Test
  void whenKeycloakRefusesNothingIsRecorded() {
    UserService failing =
        new UserService(
            PLATFORM.identityStore,
            FailingRealms.failing(TestPlatform.realms(), "setUserRoles", "setUserEnabled"),
            PLATFORM.permissions,
            Clock.systemUTC());
    TenantUser user = invite("kept", "user");

    assertThatThrownBy(() -> failing.setRoles(tenant, user.id(), Set.of("guest"), admin, BY))
        .hasMessageContaining("injected");
    assertThatThrownBy(() -> failing.setEnabled(tenant, user.id(), false, admin, BY))
        .hasMessageContaining("injected");

    TenantUser after = PLATFORM.users.get(tenant, user.id());
    assertThat(after.roles()).containsExactly("user");
    assertThat(after.enabled()).isTrue();
  }

  @Test
  void aDisabledUserIsDisabledInKeycloakAndHereUntilEnabled() {
    TenantUser user = invite("paused", "user");

    PLATFORM.users.setEnabled(tenant, user.id(), false, admin, BY);
    assertThat(accessOf(user).enabled()).isFalse();
    assertThat(TestPlatform.realms().users(tenant.slug(), Set.of()))
        .filteredOn(u -> u.id().equals(user.id().toString()))
        .singleElement()
        .satisfies(u -> assertThat(u.enabled()).isFalse());

    PLATFORM.users.setEnabled(tenant, user.id(), true, admin, BY);
    assertThat(accessOf(user).enabled()).isTrue();
  }

  @Test
  void everyChangeToAPersonLeavesAnAuditEntryNamingWhoMadeIt() {
    TenantUser user = invite("audited", "user");
    AuditEntry.Actor console = AuditEntry.Actor.platformAdmin("support@plexica.io");

    PLATFORM.users.setEnabledByPlatform(tenant, user.id(), false, console);
    PLATFORM.users.setEnabledByPlatform(tenant, user.id(), false, console);
    PLATFORM.users.setRoles(tenant, user.id(), Set.of("guest"), admin, BY);

    List<AuditEntry> entries =
        TestPlatform.auditTrail(tenant, Optional.empty()).stream()
            .filter(e -> user.id().toString().equals(e.targetId()))
            .toList();
    // Newest first; disabling twice changes the user once, so it is recorded once.
    assertThat(entries)
        .extracting(AuditEntry::action)
        .containsExactly("user.roles_changed", "user.disabled", "user.invited");
    assertThat(entries.get(1).actorName()).isEqualTo("platform admin support@plexica.io");
    assertThat(entries.get(1).actorId()).isNull();
    assertThat(entries.get(1).before()).contains("\"enabled\":true");
    assertThat(entries.get(1).after()).contains("\"enabled\":false");
    assertThat(entries.get(0).after()).contains("guest").doesNotContain("\"user\"");
  }

  @Test
  void theLastAdministratorCanNeitherBeDisabledNorDemoted() {
    TenantRef alone = PLATFORM.activeTenant("alone");
    Access soleAdmin = PLATFORM.adminAccess(alone);

    assertProblem(
        () -> PLATFORM.users.setRoles(alone, soleAdmin.userId(), Set.of("user"), soleAdmin, BY),
        IdentityProblems.LAST_ADMIN);
    assertProblem(
        () -> PLATFORM.users.setEnabled(alone, soleAdmin.userId(), false, soleAdmin, BY),
        IdentityProblems.OWN_ACCOUNT);
    TenantUser second =
        PLATFORM.users.invite(
            alone,
            new Invitation(
                new UserProfile("second@example.com", "second@example.com", "Sec", "Ond"),
                Set.of("admin"),
                null),
            soleAdmin,
            BY);
    PLATFORM.users.setRoles(alone, soleAdmin.userId(), Set.of("user"), soleAdmin, BY);
    Access secondAdmin = accessOf(alone, second);
    assertProblem(
        () -> PLATFORM.users.setEnabled(alone, second.id(), false, secondAdmin, BY),
        IdentityProblems.OWN_ACCOUNT);
    assertProblem(
        () -> PLATFORM.users.setRoles(alone, second.id(), Set.of(), secondAdmin, BY),
        IdentityProblems.LAST_ADMIN);
  }

  private static Access accessOf(TenantRef in, TenantUser user) {
    return PLATFORM.permissions.accessOf(
        in,
        TestTokens.withName(
            in.slug(),
            user.id(),
            user.profile().username(),
            user.profile().firstName(),
            user.profile().lastName()));
  }

  /** Two admins demote each other at the same moment, many times: one always stays admin. */
  @Test
  void twoAdministratorsDemotingEachOtherAtOnceLeaveOneAdministrator() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 5; round++) {
        TenantRef race = PLATFORM.activeTenant("race");
        Access first = PLATFORM.adminAccess(race);
        TenantUser secondUser =
            PLATFORM.users.invite(
                race,
                new Invitation(
                    new UserProfile("b@example.com", "b@example.com", "B", "B"),
                    Set.of("admin"),
                    null),
                first,
                BY);
        Access second = accessOf(race, secondUser);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> attempts = new ArrayList<>();
        attempts.add(pool.submit(() -> demote(race, second.userId(), first, start)));
        attempts.add(pool.submit(() -> demote(race, first.userId(), second, start)));
        start.countDown();
        int succeeded = 0;
        for (Future<Boolean> attempt : attempts) {
          succeeded += attempt.get() ? 1 : 0;
        }
        assertThat(succeeded).as("round %d", round).isEqualTo(1);
        var admins = PLATFORM.users.search(race, UserQuery.parse(null, null, "admin", null, null));
        assertThat(admins.total()).isEqualTo(1);
        PLATFORM.tenantService.delete(race.slug(), true);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static boolean demote(TenantRef in, UUID target, Access actor, CountDownLatch start)
      throws InterruptedException {
    start.await();
    try {
      PLATFORM.users.setRoles(in, target, Set.of("user"), actor, BY);
      return true;
    } catch (ProblemException e) {
      assertThat(e.type()).isEqualTo(IdentityProblems.LAST_ADMIN);
      return false;
    }
  }

  @Test
  void nobodyHandsOutMoreThanItHolds() {
    String manager = "manager-" + UUID.randomUUID().toString().substring(0, 6);
    PLATFORM.roles.create(
        tenant, new RoleName(manager), null, Set.of("users:read", "users:manage"), admin);
    TenantUser user = invite("mgr", manager);
    Access managerAccess = accessOf(user);
    TenantUser target = invite("target", "guest");

    assertProblem(
        () -> PLATFORM.users.setRoles(tenant, target.id(), Set.of("admin"), managerAccess, BY),
        IdentityProblems.PERMISSION_DENIED);
    assertThat(PLATFORM.users.get(tenant, target.id()).roles()).containsExactly("guest");
  }

  @Test
  void syncMirrorsUsersMadeOrDeletedInKeycloak() {
    String email = "direct-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
    String id =
        TestPlatform.realms()
            .createUser(
                tenant.slug(),
                new io.plexica.identity.app.Realms.NewRealmUser(
                    new UserProfile(email, email, "Di", "Rect"), Set.of("guest"), null));

    UserService.SyncReport added = PLATFORM.users.sync(tenant);
    assertThat(added.created()).isEqualTo(1);
    assertThat(PLATFORM.users.get(tenant, UUID.fromString(id)).roles()).containsExactly("guest");

    TestPlatform.realms().deleteUser(tenant.slug(), id);
    UserService.SyncReport removed = PLATFORM.users.sync(tenant);
    assertThat(removed.removed()).isEqualTo(1);
    assertProblem(
        () -> PLATFORM.users.get(tenant, UUID.fromString(id)), IdentityProblems.USER_NOT_FOUND);
  }
}
