package io.plexica.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.plexica.shared.placement.SchemaAddress;
import io.plexica.tenancy.domain.IdentityHome;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.tenancy.infra.RedisActiveTenants;
import io.plexica.testing.Await;
import io.plexica.testing.TestPlatform;
import io.plexica.testing.UsesServices;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/**
 * Two nodes' memories of active tenants on the test run's real Redis: a tenant is read once, then
 * served from memory; a change on one node makes both read it again; a read that raced a change is
 * not kept; without Redis nothing is kept.
 */
@UsesServices
class RedisActiveTenantsTest {
  private static RedisActiveTenants node;
  private static RedisActiveTenants otherNode;

  @BeforeAll
  static void start() {
    node = new RedisActiveTenants(TestPlatform.redis(), Duration.ofMinutes(1));
    otherNode = new RedisActiveTenants(TestPlatform.redis(), Duration.ofMinutes(1));
    Await.until(() -> node.listening() && otherNode.listening(), "both nodes subscribed");
  }

  @AfterAll
  static void stop() {
    node.close();
    otherNode.close();
  }

  /** Counts its reads of the database. */
  private static final class Reads {
    final AtomicInteger count = new AtomicInteger();
    final TenantRef tenant;

    Reads(String slug) {
      tenant =
          new TenantRef(
              UUID.randomUUID(),
              slug,
              SchemaAddress.main("tenant_" + slug),
              IdentityHome.ownRealm(slug));
    }

    TenantRef read() {
      count.incrementAndGet();
      return tenant;
    }
  }

  @Test
  void aChangeOnOneNodeIsReadAgainOnEvery() {
    String slug = TestPlatform.uniqueSlug("active");
    Reads here = new Reads(slug);
    Reads there = new Reads(slug);
    node.get(slug, here::read);
    otherNode.get(slug, there::read);
    assertThat(node.get(slug, here::read)).isEqualTo(here.tenant);
    assertThat(otherNode.get(slug, there::read)).isEqualTo(there.tenant);
    assertThat(here.count).as("kept after the first read").hasValue(1);
    assertThat(there.count).hasValue(1);

    otherNode.changed(slug);

    Await.until(
        () -> {
          node.get(slug, here::read);
          return here.count.get() == 2;
        },
        "the other node's change heard here");
    otherNode.get(slug, there::read);
    assertThat(there.count).as("the changing node forgets at once").hasValue(2);
  }

  @Test
  void aReadThatRacedAChangeIsNotKept() {
    String slug = TestPlatform.uniqueSlug("raced");
    Reads reads = new Reads(slug);
    node.get(
        slug,
        () -> {
          node.changed(slug); // the tenant is suspended while its row is being read
          return reads.read();
        });
    node.get(slug, reads::read);
    assertThat(reads.count).hasValue(2);
  }

  @Test
  void withoutRedisNothingIsKept() {
    try (JedisPooled nowhere = new JedisPooled("127.0.0.1", 1);
        RedisActiveTenants alone = new RedisActiveTenants(nowhere, Duration.ofMinutes(1))) {
      Reads reads = new Reads("nowhere");
      alone.get("nowhere", reads::read);
      alone.get("nowhere", reads::read);
      alone.changed("nowhere");
      assertThat(reads.count).hasValue(2);
      assertThat(alone.listening()).isFalse();
    }
  }
}
