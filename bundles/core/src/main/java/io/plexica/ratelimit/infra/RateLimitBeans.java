package io.plexica.ratelimit.infra;

import io.plexica.ratelimit.app.ClientAddress;
import io.plexica.ratelimit.app.RateLimiter;
import io.plexica.ratelimit.app.RateLimits;
import io.plexica.ratelimit.domain.RateLimit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.JedisPooled;

/**
 * Rate limits from the configuration ({@code PLEXICA_RATELIMIT_*}); the defaults are the seed's:
 * 100 requests a second per client on the API, 10 on sign-in related calls.
 */
@ApplicationScoped
public class RateLimitBeans {

  @Produces
  @Singleton
  RateLimits limits(
      @ConfigProperty(name = "plexica.ratelimit.enabled", defaultValue = "true") boolean enabled,
      @ConfigProperty(name = "plexica.ratelimit.client.per-second", defaultValue = "100")
          long clientRate,
      @ConfigProperty(name = "plexica.ratelimit.client.burst", defaultValue = "200")
          long clientBurst,
      @ConfigProperty(name = "plexica.ratelimit.sign-in.per-second", defaultValue = "10")
          long signInRate,
      @ConfigProperty(name = "plexica.ratelimit.sign-in.burst", defaultValue = "20")
          long signInBurst,
      @ConfigProperty(name = "plexica.ratelimit.tenant.per-second", defaultValue = "500")
          long tenantRate,
      @ConfigProperty(name = "plexica.ratelimit.tenant.burst", defaultValue = "1000")
          long tenantBurst,
      // Optional: unset and empty both mean no proxy is trusted.
      @ConfigProperty(name = "plexica.ratelimit.trusted-proxies")
          Optional<List<String>> trustedProxies) {
    return new RateLimits(
        enabled,
        new RateLimit("client", clientRate, clientBurst),
        new RateLimit("sign-in", signInRate, signInBurst),
        new RateLimit("tenant", tenantRate, tenantBurst),
        new ClientAddress(
            new HashSet<>(
                trustedProxies.orElse(List.of()).stream()
                    .map(String::strip)
                    .filter(p -> !p.isEmpty())
                    .toList())));
  }

  @Produces
  @Singleton
  RateLimiter limiter(JedisPooled redis) {
    return new RedisRateLimiter(redis);
  }
}
