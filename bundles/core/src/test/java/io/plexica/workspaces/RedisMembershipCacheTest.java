package io.plexica.workspaces;

import static org.assertj.core.api.Assertions.assertThat;

import io.plexica.testing.TestPlatform;
import io.plexica.workspaces.app.Standing;
import io.plexica.workspaces.domain.WorkspaceRole;
import io.plexica.workspaces.infra.RedisMembershipCache;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/**
 * The membership cache against the real Redis of the test run, as two nodes share it: loads once,
 * forgets a workspace's memberships on every node at the next look-up after a change, never keeps a
 * load that raced a change, keeps tenants apart, and without Redis loads every time.
 */
class RedisMembershipCacheTest {
  private final RedisMembershipCache node =
      new RedisMembershipCache(
          TestPlatform.redis(), TestPlatform.cacheSeal(), Duration.ofMinutes(5));
  private final RedisMembershipCache otherNode =
      new RedisMembershipCache(
          TestPlatform.redis(), TestPlatform.cacheSeal(), Duration.ofMinutes(5));
  private final UUID tenant = UUID.randomUUID();
  private final UUID workspace = UUID.randomUUID();
  private final UUID user = UUID.randomUUID();

  /** Counts its calls and answers with the current standing. */
  private static final class Loader implements Supplier<Standing> {
    final AtomicInteger calls = new AtomicInteger();
    volatile Standing answer = Standing.member(WorkspaceRole.VIEWER);

    @Override
    public Standing get() {
      calls.incrementAndGet();
      return answer;
    }
  }

  @Test
  void loadsOnceAndEveryNodeSeesAChangeAtItsNextLookUp() {
    Loader loader = new Loader();
    assertThat(node.get(tenant, workspace, user, loader)).isEqualTo(loader.answer);
    assertThat(otherNode.get(tenant, workspace, user, loader).role())
        .contains(WorkspaceRole.VIEWER);
    assertThat(loader.calls).hasValue(1);

    loader.answer = Standing.member(WorkspaceRole.ADMIN);
    otherNode.invalidate(tenant, workspace);
    assertThat(node.get(tenant, workspace, user, loader).role()).contains(WorkspaceRole.ADMIN);
    assertThat(otherNode.get(tenant, workspace, user, loader).role()).contains(WorkspaceRole.ADMIN);
    assertThat(loader.calls).hasValue(2);

    loader.answer = Standing.NO_WORKSPACE;
    node.invalidate(tenant, workspace);
    assertThat(otherNode.get(tenant, workspace, user, loader)).isEqualTo(Standing.NO_WORKSPACE);
    assertThat(node.get(tenant, workspace, user, loader)).isEqualTo(Standing.NO_WORKSPACE);
    assertThat(loader.calls).hasValue(3);
  }

  /** A membership planted by someone who can write to Redis, unsealed or moved, is ignored. */
  @Test
  void entriesPlantedInRedisAreIgnored() {
    JedisPooled redis = TestPlatform.redis();
    String key = "plexica:membership:v1:" + tenant + ":" + workspace + ":" + user;
    UUID admin = UUID.randomUUID();
    Loader adminLoader = new Loader();
    adminLoader.answer = Standing.member(WorkspaceRole.ADMIN);
    node.get(tenant, workspace, admin, adminLoader);
    String genuineAdminEntry =
        redis.get("plexica:membership:v1:" + tenant + ":" + workspace + ":" + admin);

    Loader loader = new Loader();
    for (String planted : new String[] {"0:ADMIN", genuineAdminEntry}) {
      redis.setex(key, 300, planted);
      assertThat(node.get(tenant, workspace, user, loader).role())
          .as(planted)
          .contains(WorkspaceRole.VIEWER);
    }
    assertThat(loader.calls).hasValue(2);
  }

  @Test
  void aLoadThatRacesAChangeIsNotKept() {
    Loader stale = new Loader();
    // The change lands while the load is under way: what it read is already outdated.
    Standing raced =
        node.get(
            tenant,
            workspace,
            user,
            () -> {
              Standing before = stale.get();
              otherNode.invalidate(tenant, workspace);
              return before;
            });
    assertThat(raced.role()).contains(WorkspaceRole.VIEWER);

    Loader fresh = new Loader();
    fresh.answer = Standing.NOT_A_MEMBER;
    assertThat(node.get(tenant, workspace, user, fresh)).isEqualTo(Standing.NOT_A_MEMBER);
    assertThat(fresh.calls).as("the raced answer was not reused").hasValue(1);
  }

  @Test
  void tenantsAndWorkspacesDoNotShareEntries() {
    Loader loader = new Loader();
    node.get(tenant, workspace, user, loader);
    node.get(UUID.randomUUID(), workspace, user, loader);
    node.get(tenant, UUID.randomUUID(), user, loader);
    assertThat(loader.calls).hasValue(3);
  }

  @Test
  void withoutRedisEveryLookUpLoads() {
    try (JedisPooled nowhere = new JedisPooled("127.0.0.1", 1)) {
      RedisMembershipCache dead =
          new RedisMembershipCache(nowhere, TestPlatform.cacheSeal(), Duration.ofMinutes(5));
      Loader loader = new Loader();
      dead.get(tenant, workspace, user, loader);
      dead.get(tenant, workspace, user, loader);
      dead.invalidate(tenant, workspace);
      assertThat(loader.calls).hasValue(2);
    }
  }
}
