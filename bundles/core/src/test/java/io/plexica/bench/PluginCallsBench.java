package io.plexica.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.plexica.plugins.app.CallContexts;
import io.plexica.plugins.app.PluginCallMetrics;
import io.plexica.plugins.app.PluginRuntime.MatchedRoute;
import io.plexica.plugins.domain.PluginManifest;
import io.plexica.sdk.CallContext;
import io.plexica.sdk.route.RouteRequest;
import io.plexica.sdk.service.PluginGateway;
import io.plexica.sdk.service.PluginServices;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.testing.PluginNode;
import io.plexica.testing.TestBundles;
import io.plexica.testing.TestPlatform;
import jakarta.json.JsonValue;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

/**
 * What the platform adds to a call between plugins (run by bench/run through {@code mvn -Pbench},
 * or alone: see docs/benchmarks.md). The callee is the faulty fixture's {@code Echo}, which only
 * returns its argument, and {@code GET /ok}, which only answers, so the figures are the platform's
 * share: discovery ({@code find}, cached), a service call through a handle ({@code get} and one
 * operation) against the same call on the callee's object, and a route through the gateway against
 * the route handler called directly. The caller is a bundle importing the fixture's API package,
 * declaring it in its plugin.json, as a vendor's plugin would.
 */
class PluginCallsBench {
  private static final int CALLS = 200_000;

  @Test
  void pluginCallOverhead() throws Exception {
    TestPlatform platform = TestPlatform.create();
    try (PluginNode node = new PluginNode(platform, PluginCallMetrics.NONE)) {
      node.deployOnce(TestBundles.sample("faulty"));
      String callerId = "bench-caller-" + UUID.randomUUID().toString().substring(0, 8);
      node.deployOnce(
          TestBundles.jar(
              Map.of(
                  "Bundle-ManifestVersion", "2",
                  "Bundle-SymbolicName", "io.plexica.bench." + callerId,
                  "Bundle-Version", "1.0.0",
                  "Import-Package",
                      "io.plexica.samples.faulty.api;version=\"[1.0,2)\",io.plexica.sdk;version=\"[1.1,2)\""),
              Map.of(
                  PluginManifest.LOCATION,
                  "{\"id\":\""
                      + callerId
                      + "\",\"version\":\"1.0.0\",\"name\":\"Bench caller\",\"vendor\":\"Plexica"
                      + " benchmarks\",\"sdk\":\"[1.1,2)\",\"dependencies\":[{\"id\":\"faulty\","
                      + "\"version\":\"[1.0,2)\"}]}")));
      TenantRef tenant = platform.activeTenant("bench-calls");
      node.installations.install(tenant, "faulty", Optional.empty(), "{}");
      node.installations.install(tenant, callerId, Optional.empty(), "{}");

      Bundle caller = node.bundleOf(callerId);
      Class<?> echoType = caller.loadClass("io.plexica.samples.faulty.api.Echo");
      Method echo = echoType.getMethod("echo", CallContext.class, String.class);
      PluginServices services = service(caller, PluginServices.class);
      PluginGateway gateway = service(caller, PluginGateway.class);
      Bundle callee = node.bundleOf("faulty");
      Object echoObject =
          callee
              .getBundleContext()
              .getService(callee.getBundleContext().getServiceReference(echoType));
      MatchedRoute ok = node.runtime.route("faulty", "1.0.0", "GET", "/ok").orElseThrow();

      CallContext context =
          new CallContext(
              tenant.id(),
              tenant.slug(),
              Optional.of(UUID.randomUUID()),
              Optional.of("bench"),
              Set.of(),
              Optional.empty(),
              JsonValue.EMPTY_JSON_OBJECT);
      CallContexts.Withdrawal issued = CallContexts.SHARED.issue(callerId, context);
      try {
        RouteRequest request =
            new RouteRequest("GET", "/ok", Map.of(), Map.of(), Optional.empty(), context);
        long[] direct = measure(() -> echo.invoke(echoObject, context, "x").hashCode());
        long[] discovery = measure(() -> services.find(context, echoType).orElseThrow().hashCode());
        long[] byService =
            measure(() -> echo.invoke(services.get(context, echoType), context, "x").hashCode());
        long[] routeDirect = measure(() -> ok.handler().handle(request).status());
        long[] byGateway = measure(() -> gateway.get(context, "faulty", "/ok").status());
        assertThat(echo.invoke(services.get(context, echoType), context, "hello"))
            .isEqualTo("hello");
        assertThat(gateway.get(context, "faulty", "/ok").status()).isEqualTo(200);

        print("direct call on the callee's object", direct, null);
        print("discovery, find (cached)", discovery, null);
        print("service call, get + operation", byService, direct);
        print("route handler called directly", routeDirect, null);
        print("route through the gateway", byGateway, routeDirect);
      } finally {
        issued.close();
        node.installations.uninstall(tenant, callerId, true);
        node.installations.uninstall(tenant, "faulty", true);
        node.deployment.remove(callerId);
      }
    }
  }

  private static <S> S service(Bundle bundle, Class<S> type) {
    return bundle
        .getBundleContext()
        .getService(bundle.getBundleContext().getServiceReference(type));
  }

  /** What a measured call does: returns something, so the JIT cannot drop it. */
  private interface Call {
    long run() throws Exception;
  }

  /** Times each call after as many warm-up calls. */
  private static long[] measure(Call call) throws Exception {
    long sink = 0;
    for (int i = 0; i < CALLS; i++) {
      sink += call.run();
    }
    long[] nanos = new long[CALLS];
    for (int i = 0; i < CALLS; i++) {
      long start = System.nanoTime();
      sink += call.run();
      nanos[i] = System.nanoTime() - start;
    }
    if (sink == 42) {
      System.out.println("(sink)");
    }
    return nanos;
  }

  private static void print(String what, long[] nanos, long[] baseline) {
    Percentiles p = new Percentiles(nanos);
    String overhead = "";
    if (baseline != null) {
      Percentiles b = new Percentiles(baseline);
      overhead =
          String.format(
              Locale.ROOT,
              "; overhead p50 %.2f µs, p95 %.2f µs, p99 %.2f µs",
              (p.at(50) - b.at(50)) / 1e3,
              (p.at(95) - b.at(95)) / 1e3,
              (p.at(99) - b.at(99)) / 1e3);
    }
    System.out.printf(
        Locale.ROOT,
        "plugin calls: %s, %d calls: p50 %.2f µs, p95 %.2f µs, p99 %.2f µs%s%n",
        what,
        p.count(),
        p.at(50) / 1e3,
        p.at(95) / 1e3,
        p.at(99) / 1e3,
        overhead);
  }
}
