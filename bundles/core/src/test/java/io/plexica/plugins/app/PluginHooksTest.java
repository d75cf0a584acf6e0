package io.plexica.plugins.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.plexica.plugins.app.PluginRuntime.HookTarget;
import io.plexica.plugins.domain.PluginInstallation;
import io.plexica.plugins.domain.PluginStore;
import io.plexica.sdk.CallContext;
import io.plexica.sdk.hook.HookNames;
import io.plexica.sdk.hook.HookResult;
import io.plexica.shared.hooks.ExtensionPoints.Event;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a hook's call context holds: the tenant, the acting user, the plugin's configuration. */
class PluginHooksTest {
  private static final UUID TENANT = UUID.randomUUID();
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final AtomicReference<CallContext> seen = new AtomicReference<>();

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  @Test
  void workspaceCreatedRunsInTheNewWorkspaceWithTheActorAndTheTenantsConfiguration() {
    UUID workspace = UUID.randomUUID();
    UUID ada = UUID.randomUUID();
    hooks()
        .ask(
            new Event(
                HookNames.WORKSPACE_CREATED,
                TENANT,
                "acme",
                Optional.of(ada),
                Optional.of("ada@acme.example"),
                Map.of("workspaceId", workspace.toString(), "slug", "launch", "name", "Launch")));

    CallContext context = seen.get();
    assertThat(context.workspaceId()).contains(workspace);
    assertThat(context.userId()).contains(ada);
    assertThat(context.tenantSlug()).isEqualTo("acme");
    assertThat(context.config().getString("label")).isEqualTo("Acme");
    assertThat(context.permissions()).isEmpty();
  }

  @Test
  void aHookAboutNoWorkspaceHasNone() {
    hooks()
        .ask(
            Event.of(
                HookNames.WORKSPACE_CREATING, TENANT, "acme", Map.of("slug", "x", "name", "X")));
    assertThat(seen.get().workspaceId()).isEmpty();
    hooks()
        .ask(Event.of(HookNames.WORKSPACE_CREATED, TENANT, "acme", Map.of("workspaceId", "nope")));
    assertThat(seen.get().workspaceId()).isEmpty();
  }

  /** One enabled plugin, "counter" 1.0.0, whose hook records the context it was called with. */
  private PluginHooks hooks() {
    HookTarget target =
        new HookTarget(
            "counter",
            "1.0.0",
            call -> {
              seen.set(call.context());
              return HookResult.proceed();
            });
    PluginRuntime runtime = stub(PluginRuntime.class, "hooks", List.of(target));
    PluginStore store =
        stub(
            PluginStore.class,
            "installation",
            Optional.of(
                new PluginInstallation(
                    TENANT, "counter", "1.0.0", "{\"label\":\"Acme\"}", Instant.now())));
    PluginCallGuard guard =
        new PluginCallGuard(
            executor, Duration.ofSeconds(5), 3, Duration.ofSeconds(30), Clock.systemUTC());
    return new PluginHooks(runtime, store, guard, Runnable::run);
  }

  /** An implementation whose one method {@code name} answers {@code answer}; others fail. */
  private static <T> T stub(Class<T> type, String name, Object answer) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, arguments) -> {
              if (method.getName().equals(name)) {
                return answer;
              }
              throw new UnsupportedOperationException(method.getName());
            }));
  }
}
