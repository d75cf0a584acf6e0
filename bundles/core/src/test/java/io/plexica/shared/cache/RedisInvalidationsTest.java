package io.plexica.shared.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.plexica.testing.Await;
import io.plexica.testing.TestPlatform;
import io.plexica.testing.UsesServices;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/** Invalidation channels against the real Redis of the test run. */
@UsesServices
class RedisInvalidationsTest {

  /**
   * A subscription holds its connection for as long as it lasts: taken from the pool, more
   * listeners than pooled connections would leave nothing for commands (a test run once hung so).
   */
  @Test
  void listenersDoNotUseThePoolsConnections() {
    JedisPooled redis = TestPlatform.redisSettings().connect();
    String prefix = "plexica:test:" + UUID.randomUUID() + ":";
    List<String> heard = new CopyOnWriteArrayList<>();
    List<RedisInvalidations> listeners =
        IntStream.range(0, RedisSettings.POOL_SIZE + 8)
            .mapToObj(i -> new RedisInvalidations(redis, prefix + i, heard::add, () -> {}))
            .toList();
    try {
      Await.until(
          () -> listeners.stream().allMatch(RedisInvalidations::listening),
          "every listener subscribed",
          Duration.ofSeconds(20));
      assertThat(redis.ping()).isEqualTo("PONG");
      assertThat(listeners.get(listeners.size() - 1).publish("hello")).isTrue();
      Await.until(() -> heard.contains("hello"), "the last listener hearing its channel");
    } finally {
      listeners.forEach(RedisInvalidations::close);
      redis.close();
    }
  }
}
