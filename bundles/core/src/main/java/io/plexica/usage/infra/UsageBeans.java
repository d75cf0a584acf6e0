package io.plexica.usage.infra;

import io.plexica.shared.persistence.Database;
import io.plexica.usage.app.ApiUsageRecorder;
import io.plexica.usage.domain.PlatformFigures;
import io.plexica.usage.domain.UsageStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import redis.clients.jedis.JedisPooled;

/** Wires the counting of API usage and the platform figures. */
@ApplicationScoped
public class UsageBeans {
  @Produces
  @Singleton
  UsageStore store(JedisPooled redis) {
    return new RedisUsageStore(redis);
  }

  @Produces
  @Singleton
  ApiUsageRecorder recorder(UsageStore store, Clock clock) {
    return new ApiUsageRecorder(store, clock);
  }

  @Produces
  @Singleton
  PlatformFigures figures(Database database) {
    return new JdbcPlatformFigures(database.clusters(), database.schemaGate());
  }
}
