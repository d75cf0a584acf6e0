package io.plexica.ratelimit.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.plexica.ratelimit.app.ClientAddress;
import io.plexica.ratelimit.app.RateLimits;
import io.plexica.ratelimit.domain.RateLimit;
import io.plexica.ratelimit.infra.RedisRateLimiter;
import io.plexica.shared.placement.SchemaAddress;
import io.plexica.tenancy.context.CurrentTenant;
import io.plexica.tenancy.domain.IdentityHome;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.testing.TestPlatform;
import io.plexica.testing.UsesServices;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * The rate-limit filters in the order JAX-RS runs them, on the real Redis of bin/plexica test, for
 * each path a call can take: without a token, with a token inside a tenant, with a token on the
 * platform's own API, and with a token refused before any resource.
 */
@UsesServices
class RateLimitFiltersTest {
  private final String address = "198.51.100." + UUID.randomUUID();
  private final RateLimit client = new RateLimit("client", 1, 2);
  private final RateLimit tenantLimit = new RateLimit("tenant", 1, 3);
  private final RateLimits limits =
      new RateLimits(
          true, client, new RateLimit("sign-in", 1, 1), tenantLimit, new ClientAddress(Set.of()));
  private final RedisRateLimiter limiter = new RedisRateLimiter(TestPlatform.redis());

  /** A request as the filters see it; {@code aborted} holds the answer a filter gave. */
  private static final class Call {
    final Map<String, Object> properties = new HashMap<>();
    final String authorization;
    Response aborted;

    Call(String authorization) {
      this.authorization = authorization;
    }

    ContainerRequestContext context() {
      UriInfo uri =
          proxy(UriInfo.class, (name, args) -> "getPath".equals(name) ? "workspaces" : null);
      return proxy(
          ContainerRequestContext.class,
          (name, args) ->
              switch (name) {
                case "getProperty" -> properties.get((String) args[0]);
                case "setProperty" -> properties.put((String) args[0], args[1]);
                case "removeProperty" -> properties.remove((String) args[0]);
                case "getHeaderString" -> "Authorization".equals(args[0]) ? authorization : null;
                case "getUriInfo" -> uri;
                case "abortWith" -> aborted = (Response) args[0];
                default -> null;
              });
    }
  }

  /** A response refused before any resource ran, as the response filters see it. */
  private static final class Refusal {
    final MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
    int status = 401;
    Object entity = "invalid-token";

    ContainerResponseContext context() {
      return proxy(
          ContainerResponseContext.class,
          (name, args) ->
              switch (name) {
                case "getStatus" -> status;
                case "setStatus" -> status = (Integer) args[0];
                case "getHeaders" -> headers;
                case "setEntity" -> entity = args[0];
                default -> null;
              });
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, BiFunction<String, Object[], Object> answer) {
    return (T)
        Proxy.newProxyInstance(
            RateLimitFiltersTest.class.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> answer.apply(method.getName(), args));
  }

  private RateLimitFilter clientFilter() {
    RateLimitFilter filter = new RateLimitFilter();
    filter.limits = limits;
    filter.limiter = limiter;
    filter.http =
        proxy(
            HttpServletRequest.class,
            (name, args) -> "getRemoteAddr".equals(name) ? address : null);
    return filter;
  }

  private TenantRateLimitFilter tenantFilter(UUID tenantId) {
    TenantRateLimitFilter filter = new TenantRateLimitFilter();
    filter.limits = limits;
    filter.limiter = limiter;
    filter.tenant = new CurrentTenant();
    filter.tenant.set(
        new TenantRef(
            tenantId, "acme", SchemaAddress.main("tenant_acme"), IdentityHome.ownRealm("acme")));
    return filter;
  }

  private DeferredClientRateLimit deferredFilter() {
    DeferredClientRateLimit filter = new DeferredClientRateLimit();
    filter.limits = limits;
    filter.limiter = limiter;
    return filter;
  }

  @Test
  void insideATenantTheClientIsCountedWithTheTenantOnceItsTokenIsChecked() {
    UUID tenant = UUID.randomUUID();
    for (int i = 0; i < 3; i++) {
      Call call = new Call("Bearer any");
      clientFilter().filter(call.context());
      assertThat(call.aborted).as("nothing refused before the token is checked").isNull();
      assertThat(call.properties).containsKey(RateLimitFilter.DEFERRED_CLIENT);
      tenantFilter(tenant).filter(call.context());
      deferredFilter().filter(call.context());
      assertThat(call.properties).as("taken once, by the tenant's filter").isEmpty();
      if (i < 2) {
        assertThat(call.aborted).isNull();
      } else {
        assertThat(call.aborted.getStatus()).isEqualTo(429);
        assertThat(call.aborted.getHeaderString("Retry-After")).isEqualTo("1");
        assertThat(call.aborted.getEntity().toString()).contains("client limit");
      }
    }
    assertThat(limiter.take(tenant.toString(), tenantLimit).allowed())
        .as("the refused call left the tenant's third token")
        .isTrue();
  }

  @Test
  void onThePlatformsOwnApiTheClientIsCountedBeforeTheResource() {
    for (int i = 0; i < 3; i++) {
      Call call = new Call("Bearer any");
      clientFilter().filter(call.context());
      deferredFilter().filter(call.context());
      assertThat(call.properties).isEmpty();
      assertThat(call.aborted == null).as("call %d let through", i + 1).isEqualTo(i < 2);
    }
  }

  @Test
  void callsRefusedBeforeAnyResourceStillCountAndAreToldToWait() {
    for (int i = 0; i < 3; i++) {
      Call call = new Call("Bearer forged");
      clientFilter().filter(call.context());
      // The token is refused: no later request filter runs, the response filters do.
      Refusal refusal = new Refusal();
      deferredFilter().filter(call.context(), refusal.context());
      assertThat(call.properties).isEmpty();
      if (i < 2) {
        assertThat(refusal.status).isEqualTo(401);
      } else {
        assertThat(refusal.status).isEqualTo(429);
        assertThat(refusal.headers.getFirst("Retry-After")).isEqualTo(1L);
        assertThat(refusal.entity.toString()).contains("client limit");
      }
    }
  }

  @Test
  void callsWithoutATokenAreCountedAtOnce() {
    for (int i = 0; i < 3; i++) {
      Call call = new Call(null);
      clientFilter().filter(call.context());
      assertThat(call.properties).isEmpty();
      assertThat(call.aborted == null).as("call %d let through", i + 1).isEqualTo(i < 2);
    }
  }
}
