package io.plexica.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.plexica.identity.app.PermissionEngine;
import io.plexica.identity.domain.VerifiedToken;
import io.plexica.identity.infra.RedisAccessCache;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.testing.TestPlatform;
import io.plexica.testing.TestTokens;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What one permission check costs (run by bench/run through {@code mvn -Pbench}): {@code
 * accessOf(tenant, token).grants(permission)} as the permission filter calls it on every request,
 * with the answer in this node's memory (warm), only in Redis (another node's answer, or after this
 * node's minute ran out), and not cached at all (right after a change of roles).
 */
class PermissionCheckBench {
  private static final int WARM_CHECKS = 200_000;
  private static final int REDIS_CHECKS = 20_000;
  private static final int COLD_CHECKS = 2_000;

  @Test
  void permissionCheckLatency() {
    TestPlatform platform = TestPlatform.create();
    TenantRef tenant = platform.activeTenant("bench-perm");
    UUID user = UUID.randomUUID();
    VerifiedToken token = TestTokens.of(tenant.slug(), user, user + "@example.com", "user");

    long[] warm = measure(platform.permissions, tenant, token, WARM_CHECKS, null);
    RedisAccessCache redisOnly =
        new RedisAccessCache(
            TestPlatform.redis(), TestPlatform.cacheSeal(), Duration.ofMinutes(5), Duration.ZERO);
    PermissionEngine sharedOnly =
        new PermissionEngine(platform.identityStore, redisOnly, Clock.systemUTC());
    long[] shared = measure(sharedOnly, tenant, token, REDIS_CHECKS, null);
    long[] cold = measure(platform.permissions, tenant, token, COLD_CHECKS, platform.permissions);
    redisOnly.close();

    print("warm (node memory)", warm);
    print("Redis hit", shared);
    print("uncached (database)", cold);
  }

  /** Times each check after a warm-up; {@code invalidating} drops the cache before every check. */
  private static long[] measure(
      PermissionEngine engine,
      TenantRef tenant,
      VerifiedToken token,
      int checks,
      PermissionEngine invalidating) {
    for (int i = 0; i < Math.min(checks, 20_000); i++) {
      if (invalidating != null) {
        invalidating.changed(tenant);
      }
      assertThat(engine.accessOf(tenant, token).grants("workspaces:create")).isTrue();
    }
    long[] nanos = new long[checks];
    for (int i = 0; i < checks; i++) {
      if (invalidating != null) {
        invalidating.changed(tenant);
      }
      long start = System.nanoTime();
      boolean granted = engine.accessOf(tenant, token).grants("workspaces:create");
      nanos[i] = System.nanoTime() - start;
      if (!granted) {
        throw new AssertionError("the check must succeed");
      }
    }
    return nanos;
  }

  private static void print(String what, long[] nanos) {
    Percentiles p = new Percentiles(nanos);
    System.out.printf(
        Locale.ROOT,
        "permission check, %s, %d checks: p50 %.1f µs, p99 %.1f µs, p99.9 %.1f µs%n",
        what,
        p.count(),
        p.at(50) / 1e3,
        p.at(99) / 1e3,
        p.at(99.9) / 1e3);
  }
}
