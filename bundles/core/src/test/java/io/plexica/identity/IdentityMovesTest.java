package io.plexica.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plexica.audit.domain.AuditEntry;
import io.plexica.identity.app.Realms;
import io.plexica.identity.app.UserService;
import io.plexica.identity.domain.IdentityProblems;
import io.plexica.identity.domain.TenantUser;
import io.plexica.identity.domain.UserProfile;
import io.plexica.identity.domain.UserQuery;
import io.plexica.identity.infra.KeycloakIdentityHomeMoves;
import io.plexica.identity.infra.KeycloakSettings;
import io.plexica.shared.hooks.ExtensionPoints;
import io.plexica.shared.lease.LeaseKeeper;
import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.web.WebAppLinks;
import io.plexica.tenancy.app.IdentityHomeMoves;
import io.plexica.tenancy.app.IdentityMoves;
import io.plexica.tenancy.app.IdentityPlacement;
import io.plexica.tenancy.app.MoveRecovery;
import io.plexica.tenancy.app.QuotaGuard;
import io.plexica.tenancy.domain.IdentityHome;
import io.plexica.tenancy.domain.IdentityMove;
import io.plexica.tenancy.domain.IdentityMove.State;
import io.plexica.tenancy.domain.IdentityMove.Step;
import io.plexica.tenancy.domain.TenancyProblems;
import io.plexica.tenancy.domain.Tenant;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.tenancy.infra.JdbcIdentityMoveLog;
import io.plexica.testing.TestPlatform;
import io.plexica.testing.UsesServices;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Moving a tenant's people between a realm of its own and an organization of a shared realm,
 * against the real Keycloak with Plexica's extension: the same ids and passwords on the other side
 * and back, what stops a move refused by name before anything changes, a failure after the people
 * moved sending them back, and a node that died mid-move settled forward.
 */
@UsesServices
class IdentityMovesTest {
  private static final TestPlatform PLATFORM = TestPlatform.create();
  private static final Realms REALMS = TestPlatform.realms();
  private static final KeycloakSettings SETTINGS = TestPlatform.keycloakSettings();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** Each test its own shared realms: the test tenants' administrators share one address. */
  private static IdentityMoves moves(IdentityHomeMoves homes) {
    int first = 910_000 + ThreadLocalRandom.current().nextInt(80_000);
    return new IdentityMoves(
        PLATFORM.tenants,
        new JdbcIdentityMoveLog(TestPlatform.database().dataSource()),
        homes,
        new IdentityPlacement(PLATFORM.tenants, IdentityHome.Kind.REALM, 100, first),
        PLATFORM.leases,
        Runnable::run,
        Clock.systemUTC());
  }

  private static IdentityHomeMoves homes(Realms realms) {
    return new KeycloakIdentityHomeMoves(realms, PLATFORM.identityStore, SETTINGS);
  }

  @Test
  void aTenantMovesToAnOrganizationAndBackWithItsPeoplesIdsAndPasswords() {
    IdentityMoves moves = moves(homes(REALMS));
    TenantRef tenant = PLATFORM.activeTenant("idm");
    UUID adminId = adminId(tenant);
    TenantUser grace = invite(tenant, "grace");

    IdentityMove there = last(moves, moves.start(get(tenant), IdentityHome.Kind.ORGANIZATION));

    assertThat(there.state()).isEqualTo(State.DONE);
    assertThat(there.error()).isNull();
    assertThat(there.people()).isEqualTo(2);
    Tenant moved = get(tenant);
    IdentityHome home = moved.identityHome();
    assertThat(home.kind()).isEqualTo(IdentityHome.Kind.ORGANIZATION);
    assertThat(home.organization()).isNotNull();
    assertThat(REALMS.exists(tenant.slug())).as("its own realm, removed").isFalse();
    assertThat(REALMS.members(home.realm(), home.organization()))
        .extracting(Realms.RealmUser::id)
        .containsExactlyInAnyOrder(adminId.toString(), grace.id().toString());
    JsonObject inOrganization =
        claims(login(home.realm(), "openid organization:" + tenant.slug(), "admin"));
    assertThat(inOrganization.getString("sub")).isEqualTo(adminId.toString());
    assertThat(inOrganization.getJsonObject("organization").containsKey(tenant.slug())).isTrue();

    IdentityMove back = last(moves, moves.start(moved, IdentityHome.Kind.REALM));

    assertThat(back.state()).isEqualTo(State.DONE);
    Tenant returned = get(tenant);
    assertThat(returned.identityHome()).isEqualTo(IdentityHome.ownRealm(tenant.slug()));
    assertThat(REALMS.organizationOfTenant(home.realm(), tenant.id()))
        .as("the organization, removed")
        .isEmpty();
    assertThat(REALMS.hasUser(home.realm(), adminId.toString())).isFalse();
    JsonObject inRealm = claims(login(tenant.slug(), "openid", "admin"));
    assertThat(inRealm.getString("sub")).isEqualTo(adminId.toString());
    assertThat(REALMS.users(tenant.slug(), Set.of("admin", "user", "guest")))
        .as("a realm of its own mirrors the platform's roles")
        .anySatisfy(
            user -> {
              assertThat(user.id()).isEqualTo(grace.id().toString());
              assertThat(user.roles()).containsExactly("user");
            });
    assertThat(moves.of(returned)).hasSize(2);
  }

  @Test
  void whatStopsAMoveIsRefusedByNameAndNothingChanges() {
    IdentityMoves moves = moves(homes(REALMS));
    TenantRef first = PLATFORM.activeTenant("idm-first");
    assertThat(last(moves, moves.start(get(first), IdentityHome.Kind.ORGANIZATION)).state())
        .isEqualTo(State.DONE);
    IdentityHome shared = get(first).identityHome();
    TenantRef second = PLATFORM.activeTenant("idm-second");

    // Both administrators have the same address: the shared realm already has an account for it.
    assertThatThrownBy(() -> moves.start(get(second), IdentityHome.Kind.ORGANIZATION))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.type()).isEqualTo(TenancyProblems.IDENTITY_MOVE_REFUSED))
        .hasMessageContaining("e-mail " + TestPlatform.ADMIN.value() + " is taken");
    assertThat(get(second).identityHome()).isEqualTo(IdentityHome.ownRealm(second.slug()));
    assertThat(REALMS.exists(second.slug())).isTrue();
    assertThat(moves.of(get(second))).isEmpty();

    // A person of the shared realm in another organization too keeps one account there.
    String adminId = adminId(first).toString();
    String other =
        REALMS.createOrganization(
            shared.realm(), "other-" + first.slug(), "Other", UUID.randomUUID());
    REALMS.joinOrganization(shared.realm(), other, adminId);
    assertThatThrownBy(() -> moves.start(get(first), IdentityHome.Kind.REALM))
        .hasMessageContaining("also a member of another organization");
    assertThat(get(first).identityHome()).isEqualTo(shared);
    assertThat(REALMS.exists(first.slug())).isFalse();

    assertThatThrownBy(() -> moves.start(get(second), IdentityHome.Kind.REALM))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.type()).isEqualTo(TenancyProblems.ILLEGAL_TRANSITION))
        .hasMessageContaining("already lives in a realm of its own");
  }

  @Test
  void aFailureAfterThePeopleMovedSendsThemBackAndRemovesTheTarget() {
    IdentityMoves healthy = moves(homes(REALMS));
    TenantRef tenant = PLATFORM.activeTenant("idm-fail");
    healthy.start(get(tenant), IdentityHome.Kind.ORGANIZATION);
    IdentityHome shared = get(tenant).identityHome();
    IdentityMoves failing =
        moves(
            new FailsAfterMovingPeople(homes(REALMS), () -> new IllegalStateException("injected")));

    IdentityMove rolledBack = last(failing, failing.start(get(tenant), IdentityHome.Kind.REALM));

    assertThat(rolledBack.state()).isEqualTo(State.ROLLED_BACK);
    assertThat(rolledBack.error()).contains("injected");
    assertThat(get(tenant).identityHome()).isEqualTo(shared);
    assertThat(REALMS.exists(tenant.slug())).as("the target realm, removed").isFalse();
    assertThat(REALMS.members(shared.realm(), shared.organization()))
        .extracting(Realms.RealmUser::id)
        .containsExactly(adminId(tenant).toString());
    assertThat(claims(login(shared.realm(), "openid organization:" + tenant.slug(), "admin")))
        .isNotNull();
  }

  @Test
  void aNodeThatDiedAfterThePeopleMovedIsSettledForward() {
    IdentityHomeMoves real = homes(REALMS);
    IdentityMoves dying =
        moves(new FailsAfterMovingPeople(real, () -> new StackOverflowError("the node dies")));
    TenantRef tenant = PLATFORM.activeTenant("idm-dies");

    IdentityMove started = dying.start(get(tenant), IdentityHome.Kind.ORGANIZATION);
    IdentityMove left = last(dying, started);
    assertThat(left.state()).isEqualTo(State.RUNNING);
    assertThat(left.step()).isEqualTo(Step.MOVE_PEOPLE);
    assertThat(dying.isMoving(tenant.id())).isTrue();
    UserService guarded =
        new UserService(
            PLATFORM.identityStore,
            REALMS,
            PLATFORM.permissions,
            Clock.systemUTC(),
            ExtensionPoints.NONE,
            WebAppLinks.of(null, List.of()),
            QuotaGuard.NONE,
            dying::isMoving);
    assertThatThrownBy(
            () ->
                guarded.invite(
                    tenant,
                    invitation("late"),
                    PLATFORM.adminAccess(tenant),
                    new AuditEntry.Actor(null, "test")))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.type()).isEqualTo(IdentityProblems.PEOPLE_MOVING));

    TestPlatform.expireLease(IdentityMoves.MOVE_LEASE, tenant.id().toString());
    IdentityMoves survivor = moves(real);
    assertThat(LeaseKeeper.settle(PLATFORM.leases, MoveRecovery.of(survivor))).isEqualTo(1);

    IdentityMove settled = last(survivor, started);
    assertThat(settled.state()).isEqualTo(State.DONE);
    assertThat(get(tenant).identityHome().isSharedRealm()).isTrue();
    assertThat(REALMS.exists(tenant.slug())).isFalse();
    assertThat(survivor.isMoving(tenant.id())).isFalse();
  }

  /**
   * Fails right after the people first moved (not when they are sent back): a failure the saga
   * plans for, or the node dying (an error no step plans for).
   */
  private record FailsAfterMovingPeople(
      IdentityHomeMoves real,
      java.util.function.Supplier<? extends Throwable> failure,
      java.util.concurrent.atomic.AtomicBoolean failed)
      implements IdentityHomeMoves {
    FailsAfterMovingPeople(
        IdentityHomeMoves real, java.util.function.Supplier<? extends Throwable> failure) {
      this(real, failure, new java.util.concurrent.atomic.AtomicBoolean());
    }

    @Override
    public Optional<String> unavailable(TenantRef tenant) {
      return real.unavailable(tenant);
    }

    @Override
    public List<String> obstacles(TenantRef tenant, IdentityHome target) {
      return real.obstacles(tenant, target);
    }

    @Override
    public IdentityHome prepare(Tenant tenant, IdentityHome target) {
      return real.prepare(tenant, target);
    }

    @Override
    public Moved movePeople(TenantRef tenant, IdentityHome from, IdentityHome to) {
      Moved moved = real.movePeople(tenant, from, to);
      if (failed.getAndSet(true)) {
        return moved;
      }
      Throwable thrown = failure.get();
      if (thrown instanceof Error error) {
        throw error;
      }
      throw (RuntimeException) thrown;
    }

    @Override
    public boolean holdsPeople(TenantRef tenant, IdentityHome home) {
      return real.holdsPeople(tenant, home);
    }

    @Override
    public void discard(TenantRef tenant, IdentityHome home) {
      real.discard(tenant, home);
    }
  }

  private static IdentityMove last(IdentityMoves moves, IdentityMove started) {
    return moves.of(PLATFORM.tenants.findById(started.tenantId()).orElseThrow()).stream()
        .filter(m -> m.id().equals(started.id()))
        .findFirst()
        .orElseThrow();
  }

  private static Tenant get(TenantRef tenant) {
    return PLATFORM.tenantService.get(tenant.slug());
  }

  private static UUID adminId(TenantRef tenant) {
    return PLATFORM
        .users
        .search(
            TenantRef.of(get(tenant)),
            UserQuery.parse(TestPlatform.ADMIN.value(), null, null, null, null))
        .items()
        .get(0)
        .id();
  }

  private static UserService.Invitation invitation(String name) {
    String email = name + "-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
    return new UserService.Invitation(
        new UserProfile(email, email, "First", name), Set.of("user"), null);
  }

  private static TenantUser invite(TenantRef tenant, String name) {
    return PLATFORM.users.invite(
        tenant, invitation(name), PLATFORM.adminAccess(tenant), new AuditEntry.Actor(null, "test"));
  }

  /** The administrator's token from the realm, with the development password. */
  private static String login(String realm, String scope, String password) {
    String form =
        "grant_type=password&client_id="
            + KeycloakSettings.CLI_CLIENT
            + "&username="
            + URLEncoder.encode(TestPlatform.ADMIN.value(), StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8)
            + "&scope="
            + URLEncoder.encode(scope, StandardCharsets.UTF_8);
    try {
      HttpResponse<String> answer =
          HTTP.send(
              HttpRequest.newBuilder(
                      URI.create(
                          SETTINGS.url() + "/realms/" + realm + "/protocol/openid-connect/token"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      return Json.createReader(new StringReader(answer.body()))
          .readObject()
          .getString("access_token");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonObject claims(String token) {
    String payload = token.split("\\.")[1];
    return Json.createReader(
            new StringReader(
                new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8)))
        .readObject();
  }
}
