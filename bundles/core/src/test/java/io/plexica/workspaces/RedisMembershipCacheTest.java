package io.plexica.workspaces;

import static org.assertj.core.api.Assertions.assertThat;

import io.plexica.testing.Await;
import io.plexica.testing.TestPlatform;
import io.plexica.testing.UsesServices;
import io.plexica.workspaces.app.Standing;
import io.plexica.workspaces.domain.WorkspaceRole;
import io.plexica.workspaces.infra.RedisMembershipCache;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/**
 * The membership cache against the real Redis of the test run, as two nodes share it: loads once,
 * forgets a workspace's memberships on every node once a change is told, never keeps a load that
 * raced a change, keeps tenants apart, and without Redis loads every time. Each node keeps entries
 * in memory and hears of changes through Redis, as the permission cache does.
 */
@UsesServices
class RedisMembershipCacheTest {
  private static RedisMembershipCache node;
  private static RedisMembershipCache otherNode;
  private final UUID tenant = UUID.randomUUID();
  private final UUID workspace = UUID.randomUUID();
  private final UUID user = UUID.randomUUID();

  @BeforeAll
  static void start() {
    node = newNode(TestPlatform.redis());
    otherNode = newNode(TestPlatform.redis());
    Await.until(() -> node.listening() && otherNode.listening(), "both nodes subscribed");
  }

  @AfterAll
  static void stop() {
    node.close();
    otherNode.close();
  }

  private static RedisMembershipCache newNode(JedisPooled redis) {
    return new RedisMembershipCache(
        redis, TestPlatform.cacheSeal(), Duration.ofMinutes(5), Duration.ofMinutes(1));
  }

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

    assertThat(node.get(tenant, workspace, user, loader).role())
        .as("from memory")
        .contains(WorkspaceRole.VIEWER);
    assertThat(loader.calls).hasValue(1);

    loader.answer = Standing.member(WorkspaceRole.ADMIN);
    otherNode.invalidate(tenant, workspace);
    assertThat(otherNode.get(tenant, workspace, user, loader).role()).contains(WorkspaceRole.ADMIN);
    Await.until(
        () ->
            node.get(tenant, workspace, user, loader)
                .role()
                .equals(Optional.of(WorkspaceRole.ADMIN)),
        "the other node dropping its copy");
    assertThat(loader.calls).as("loaded once, shared through Redis").hasValue(2);

    loader.answer = Standing.NO_WORKSPACE;
    node.invalidate(tenant, workspace);
    assertThat(node.get(tenant, workspace, user, loader)).isEqualTo(Standing.NO_WORKSPACE);
    Await.until(
        () -> otherNode.get(tenant, workspace, user, loader).equals(Standing.NO_WORKSPACE),
        "the other node dropping its copy");
    assertThat(loader.calls).hasValue(3);
  }

  /**
   * A node that has kept an entry in memory never reads Redis for it, so another node's
   * invalidation must reach it as a message: proven here by a node whose Redis entry is gone and
   * whose answer still changes only through the message.
   */
  @Test
  void anInvalidationReachesTheMemoryOfEveryNode() {
    Loader loader = new Loader();
    node.get(tenant, workspace, user, loader);
    TestPlatform.redis().del("plexica:membership:v1:" + tenant + ":" + workspace + ":" + user);
    assertThat(node.get(tenant, workspace, user, loader).role()).contains(WorkspaceRole.VIEWER);
    assertThat(loader.calls).as("answered from memory").hasValue(1);

    loader.answer = Standing.NOT_A_MEMBER;
    otherNode.invalidate(tenant, workspace);
    Await.until(
        () -> node.get(tenant, workspace, user, loader).equals(Standing.NOT_A_MEMBER),
        "the message dropping the node's copy");
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
    // A node without memory: only what is in Redis can answer.
    RedisMembershipCache reader =
        new RedisMembershipCache(
            redis, TestPlatform.cacheSeal(), Duration.ofMinutes(5), Duration.ZERO);
    try {
      for (String planted : new String[] {"0:ADMIN", genuineAdminEntry}) {
        redis.setex(key, 300, planted);
        assertThat(reader.get(tenant, workspace, user, loader).role())
            .as(planted)
            .contains(WorkspaceRole.VIEWER);
      }
      assertThat(loader.calls).hasValue(2);
    } finally {
      reader.close();
    }
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
      RedisMembershipCache dead = newNode(nowhere);
      try {
        Loader loader = new Loader();
        dead.get(tenant, workspace, user, loader);
        dead.get(tenant, workspace, user, loader);
        dead.invalidate(tenant, workspace);
        assertThat(loader.calls).hasValue(2);
        assertThat(dead.listening()).isFalse();
      } finally {
        dead.close();
      }
    }
  }
}
