package io.plexica.incontainer;

import io.plexica.identity.api.CurrentIdentity;
import io.plexica.ratelimit.api.RateLimitFilter;
import io.plexica.tenancy.context.CurrentTenant;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Request filters of the test deployment only, one just before and one just after each of the
 * platform's post-matching request filters. Each records, for a request that names a probe in
 * {@link #HEADER}, what the request carries when it runs: whether a token was verified, whether its
 * tenant was resolved, whether the client's rate-limit count still waits for the token. Which
 * probes ran and where each of those changed shows where Liberty's JAX-RS runtime put each platform
 * filter, and where a refusing filter stopped the chain.
 */
public final class FilterProbes {
  static final String HEADER = "X-Filter-Probe";

  static final int BEFORE_CLIENT_RATE_LIMIT = Priorities.AUTHENTICATION - 501;
  static final int AFTER_CLIENT_RATE_LIMIT = Priorities.AUTHENTICATION - 499;
  static final int BEFORE_AUTHENTICATION = Priorities.AUTHENTICATION - 1;
  static final int AFTER_AUTHENTICATION = Priorities.AUTHENTICATION + 1;
  static final int BEFORE_PLATFORM_ADMIN = Priorities.AUTHORIZATION - 1;
  static final int AFTER_PLATFORM_ADMIN = Priorities.AUTHORIZATION + 1;
  static final int BEFORE_TENANT_CONTEXT = Priorities.AUTHORIZATION + 99;
  static final int AFTER_TENANT_CONTEXT = Priorities.AUTHORIZATION + 101;
  static final int BEFORE_TENANT_RATE_LIMIT = Priorities.AUTHORIZATION + 149;
  static final int AFTER_TENANT_RATE_LIMIT = Priorities.AUTHORIZATION + 151;
  static final int BEFORE_DEFERRED_CLIENT_LIMIT = Priorities.AUTHORIZATION + 159;
  static final int AFTER_DEFERRED_CLIENT_LIMIT = Priorities.AUTHORIZATION + 161;
  static final int BEFORE_PERMISSION = Priorities.AUTHORIZATION + 199;
  static final int AFTER_PERMISSION = Priorities.AUTHORIZATION + 201;

  /** Every probe's priority, in the order the runtime must run them. */
  static final List<Integer> ALL =
      List.of(
          BEFORE_CLIENT_RATE_LIMIT,
          AFTER_CLIENT_RATE_LIMIT,
          BEFORE_AUTHENTICATION,
          AFTER_AUTHENTICATION,
          BEFORE_PLATFORM_ADMIN,
          AFTER_PLATFORM_ADMIN,
          BEFORE_TENANT_CONTEXT,
          AFTER_TENANT_CONTEXT,
          BEFORE_TENANT_RATE_LIMIT,
          AFTER_TENANT_RATE_LIMIT,
          BEFORE_DEFERRED_CLIENT_LIMIT,
          AFTER_DEFERRED_CLIENT_LIMIT,
          BEFORE_PERMISSION,
          AFTER_PERMISSION);

  private static final Map<String, List<Seen>> SEEN = new ConcurrentHashMap<>();

  private FilterProbes() {}

  /** What one probe saw. */
  record Seen(int priority, boolean authenticated, boolean inTenant, boolean clientCountDeferred) {}

  static String newProbe() {
    return UUID.randomUUID().toString();
  }

  /** What the probes saw of the request that named {@code probe}, in the order they ran. */
  static List<Seen> seenBy(String probe) {
    return List.copyOf(SEEN.getOrDefault(probe, List.of()));
  }

  /** The probes' one behaviour; each subclass only places it with its own priority. */
  public abstract static class Probe implements ContainerRequestFilter {
    @Inject CurrentIdentity identity;
    @Inject CurrentTenant tenant;

    @Override
    public void filter(ContainerRequestContext request) {
      String probe = request.getHeaderString(HEADER);
      if (probe == null) {
        return;
      }
      SEEN.computeIfAbsent(probe, p -> new CopyOnWriteArrayList<>())
          .add(
              new Seen(
                  getClass().getAnnotation(Priority.class).value(),
                  identity.token().isPresent(),
                  inTenant(),
                  request.getProperty(RateLimitFilter.DEFERRED_CLIENT) != null));
    }

    private boolean inTenant() {
      try {
        tenant.require();
        return true;
      } catch (IllegalStateException none) {
        return false;
      }
    }
  }

  @Provider
  @Priority(BEFORE_CLIENT_RATE_LIMIT)
  public static class BeforeClientRateLimit extends Probe {}

  @Provider
  @Priority(AFTER_CLIENT_RATE_LIMIT)
  public static class AfterClientRateLimit extends Probe {}

  @Provider
  @Priority(BEFORE_AUTHENTICATION)
  public static class BeforeAuthentication extends Probe {}

  @Provider
  @Priority(AFTER_AUTHENTICATION)
  public static class AfterAuthentication extends Probe {}

  @Provider
  @Priority(BEFORE_PLATFORM_ADMIN)
  public static class BeforePlatformAdmin extends Probe {}

  @Provider
  @Priority(AFTER_PLATFORM_ADMIN)
  public static class AfterPlatformAdmin extends Probe {}

  @Provider
  @Priority(BEFORE_TENANT_CONTEXT)
  public static class BeforeTenantContext extends Probe {}

  @Provider
  @Priority(AFTER_TENANT_CONTEXT)
  public static class AfterTenantContext extends Probe {}

  @Provider
  @Priority(BEFORE_TENANT_RATE_LIMIT)
  public static class BeforeTenantRateLimit extends Probe {}

  @Provider
  @Priority(AFTER_TENANT_RATE_LIMIT)
  public static class AfterTenantRateLimit extends Probe {}

  @Provider
  @Priority(BEFORE_DEFERRED_CLIENT_LIMIT)
  public static class BeforeDeferredClientLimit extends Probe {}

  @Provider
  @Priority(AFTER_DEFERRED_CLIENT_LIMIT)
  public static class AfterDeferredClientLimit extends Probe {}

  @Provider
  @Priority(BEFORE_PERMISSION)
  public static class BeforePermission extends Probe {}

  @Provider
  @Priority(AFTER_PERMISSION)
  public static class AfterPermission extends Probe {}
}
