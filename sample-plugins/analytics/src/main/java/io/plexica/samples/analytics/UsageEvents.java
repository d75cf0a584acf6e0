package io.plexica.samples.analytics;

import io.plexica.sdk.CallContext;
import io.plexica.sdk.event.Event;
import io.plexica.sdk.event.EventHandler;
import io.plexica.sdk.event.EventPublisher;
import io.plexica.sdk.event.EventSubscription;
import jakarta.json.spi.JsonProvider;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Counting what happened needs no answer before the change, so analytics subscribes to events:
 * delivered at least once (deduplicated by the platform), retried when counting fails, and not in
 * the way of the request that made the change.
 */
public final class UsageEvents {
  /** The static {@code Json} methods look the provider up again on every call; one is kept. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private UsageEvents() {}

  /** Counts users as they come to the tenant. */
  @Component(service = EventHandler.class)
  @EventSubscription(topics = "core.user.created")
  public static class UserCreated implements EventHandler {
    @Reference Usage usage;

    @Override
    public void handle(Event event, CallContext context) {
      usage.count(context, "users");
    }
  }

  /** Counts workspaces once created, and announces the new count. */
  @Component(service = EventHandler.class)
  @EventSubscription(topics = "core.workspace.created", workspaceOnly = true)
  public static class WorkspaceCreated implements EventHandler {
    @Reference Usage usage;
    @Reference EventPublisher events;

    @Override
    public void handle(Event event, CallContext context) {
      usage.count(context, "workspaces");
      events.publish(
          context,
          "workspace_counted",
          JSON.createObjectBuilder()
              .add("workspaces", usage.get(context, "workspaces"))
              .add("workspaceId", event.workspaceId().orElseThrow().toString())
              .build());
    }
  }
}
