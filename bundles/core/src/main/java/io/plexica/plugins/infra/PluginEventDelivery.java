package io.plexica.plugins.infra;

import io.plexica.events.app.EventMetrics;
import io.plexica.plugins.app.CallContexts;
import io.plexica.plugins.app.PluginCallGuard;
import io.plexica.plugins.app.PluginRuntime;
import io.plexica.plugins.app.PluginRuntime.EventSubscriber;
import io.plexica.plugins.domain.PluginInstallation;
import io.plexica.plugins.domain.PluginStore;
import io.plexica.sdk.CallContext;
import io.plexica.sdk.event.Event;
import io.plexica.shared.json.JsonText;
import io.plexica.shared.resilience.Breakers;
import io.plexica.tenancy.domain.TenantRepository;
import jakarta.json.JsonObject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What decides whether and how a plugin's handler gets an event: only in tenants where its plugin
 * is installed and enabled at the handler's version, not for events older than the installation,
 * once per handler (deduplicated on the event id), with the tenant's context and configuration,
 * through the plugin call guard (time limit) and the handler's own breaker, counted in the metrics.
 * A first delivery that fails goes to the dead-letter table for {@link PluginEventRetries}.
 */
final class PluginEventDelivery {
  private static final Logger LOG = Logger.getLogger(PluginEventDelivery.class.getName());

  private final PluginRuntime runtime;
  private final PluginStore store;
  private final TenantRepository tenants;
  private final PluginCallGuard guard;
  private final EventDeliveries deliveries;
  private final EventMetrics metrics;
  private final Breakers breakers;
  private final Map<UUID, String> slugs = new ConcurrentHashMap<>();

  PluginEventDelivery(
      PluginRuntime runtime,
      PluginStore store,
      TenantRepository tenants,
      PluginCallGuard guard,
      EventDeliveries deliveries,
      EventMetrics metrics,
      Breakers breakers) {
    this.runtime = runtime;
    this.store = store;
    this.tenants = tenants;
    this.guard = guard;
    this.deliveries = deliveries;
    this.metrics = metrics;
    this.breakers = breakers;
  }

  /** An event as it came from Kafka. */
  record Incoming(String topic, String envelope, Event event) {}

  /**
   * Hands a poll's events to every handler subscribed to their topics: one query finds which the
   * handler handled already (redeliveries), one guarded call runs the handler on the rest (each
   * event's failure is its own), one statement records the ones it handled.
   */
  void deliverFirst(List<Incoming> batch) {
    for (EventSubscriber subscriber : runtime.eventHandlers()) {
      List<Incoming> mine =
          batch.stream().filter(in -> subscriber.topics().contains(in.topic())).toList();
      if (mine.isEmpty()) {
        continue;
      }
      try {
        deliverFirst(subscriber, mine);
      } catch (SQLException | RuntimeException e) {
        LOG.log(Level.WARNING, "Could not deliver events to " + subscriber.name(), e);
      }
    }
  }

  private record Delivery(Incoming incoming, CallContext context) {}

  private void deliverFirst(EventSubscriber subscriber, List<Incoming> events) throws SQLException {
    Set<UUID> done =
        deliveries.handled(
            subscriber.pluginId(),
            subscriber.name(),
            events.stream().map(in -> in.event().id()).toList());
    List<Delivery> due = new ArrayList<>();
    Map<UUID, Optional<Installed>> installations = new HashMap<>();
    for (Incoming in : events) {
      if (!done.contains(in.event().id())) {
        contextFor(subscriber, in.event(), installations)
            .ifPresent(c -> due.add(new Delivery(in, c)));
      }
    }
    if (due.isEmpty()) {
      return;
    }
    String key = handlerKey(subscriber.pluginId(), subscriber.name());
    // Written by the guard's thread, which may still run after a time-out: concurrent collections.
    Map<UUID, String> failures = new ConcurrentHashMap<>();
    Set<UUID> handled = ConcurrentHashMap.newKeySet();
    List<CallContexts.Withdrawal> issued = new ArrayList<>();
    due.forEach(d -> issued.add(CallContexts.SHARED.issue(subscriber.pluginId(), d.context())));
    try {
      guard.call(
          subscriber.pluginId(),
          () -> {
            for (Delivery delivery : due) {
              Event event = delivery.incoming().event();
              Optional<Instant> resting = breakers.restingUntil(key);
              if (resting.isPresent()) {
                // Not called: it waits in the dead-letter table until the handler's rest is over.
                failures.put(event.id(), "the handler rests until " + resting.get());
                continue;
              }
              long start = System.nanoTime();
              try {
                subscriber.handler().handle(event, delivery.context());
                handled.add(event.id());
                breakers.succeeded(key);
                metrics.consumed(
                    event.type(),
                    subscriber.pluginId(),
                    Duration.ofNanos(System.nanoTime() - start));
              } catch (Exception e) {
                breakers.failed(key);
                failures.put(event.id(), describe(e));
              }
            }
            return null;
          });
    } catch (RuntimeException e) {
      // The call as a whole was refused or ran out of time: what did not finish failed.
      for (Delivery delivery : due) {
        UUID id = delivery.incoming().event().id();
        if (!handled.contains(id)) {
          failures.putIfAbsent(id, describe(e));
        }
      }
    } finally {
      issued.forEach(CallContexts.Withdrawal::close);
    }
    deliveries.markHandled(subscriber.pluginId(), subscriber.name(), List.copyOf(handled));
    for (Delivery delivery : due) {
      Incoming in = delivery.incoming();
      String failure = failures.get(in.event().id());
      if (failure != null && !handled.contains(in.event().id())) {
        metrics.failed(in.topic(), subscriber.pluginId());
        deliveries.failedFirst(
            subscriber.pluginId(),
            subscriber.name(),
            in.event().id(),
            in.topic(),
            in.event().tenantId(),
            in.envelope(),
            failure);
      }
    }
  }

  /** The running handler of that name of the plugin, if any. */
  Optional<EventSubscriber> subscriber(String pluginId, String handler) {
    return runtime.eventHandlers().stream()
        .filter(s -> s.pluginId().equals(pluginId) && s.name().equals(handler))
        .findFirst();
  }

  /**
   * The context of a delivery, or empty when the handler must not see the event: its plugin is not
   * enabled in the tenant, the tenant runs another version, or a filter declines it.
   */
  Optional<CallContext> contextFor(EventSubscriber subscriber, Event event) {
    return contextFor(subscriber, event, new HashMap<>());
  }

  /** The same, with the tenants' installations looked up once per poll ({@code seen}). */
  private Optional<CallContext> contextFor(
      EventSubscriber subscriber, Event event, Map<UUID, Optional<Installed>> seen) {
    Optional<Installed> installed =
        seen.computeIfAbsent(
            event.tenantId(),
            tenant ->
                store
                    .installation(tenant, subscriber.pluginId())
                    .map(i -> new Installed(i, JsonText.object(i.config()))));
    if (installed.isEmpty()) {
      return Optional.empty();
    }
    PluginInstallation installation = installed.get().installation();
    if (!installation.enabled()
        || !installation.pluginVersion().equals(subscriber.version())
        || event.occurredAt().isBefore(installation.installedAt())
        || (subscriber.workspaceOnly() && event.workspaceId().isEmpty())) {
      return Optional.empty();
    }
    CallContext context =
        new CallContext(
            event.tenantId(),
            slug(event.tenantId()),
            Optional.empty(),
            Optional.empty(),
            Set.of(),
            event.workspaceId(),
            installed.get().config());
    CallContexts.Withdrawal issued = CallContexts.SHARED.issue(subscriber.pluginId(), context);
    try {
      return subscriber.handler().accepts(event, context) ? Optional.of(context) : Optional.empty();
    } finally {
      issued.close();
    }
  }

  /** A tenant's installation of a plugin, with its configuration parsed. */
  private record Installed(PluginInstallation installation, JsonObject config) {}

  /**
   * Calls the handler through the plugin call guard (time limit, breaker), counts it, and keeps its
   * breaker: a failure counts against the handler, whatever the guard threw.
   */
  void invoke(EventSubscriber subscriber, Event event, CallContext context) {
    String key = handlerKey(subscriber.pluginId(), subscriber.name());
    long start = System.nanoTime();
    try {
      guard.call(
          subscriber.pluginId(),
          context,
          () -> {
            subscriber.handler().handle(event, context);
            return null;
          });
    } catch (RuntimeException e) {
      breakers.failed(key);
      throw e;
    }
    breakers.succeeded(key);
    metrics.consumed(
        event.type(), subscriber.pluginId(), Duration.ofNanos(System.nanoTime() - start));
  }

  /** Until when the handler rests after repeated failures, if it does. */
  Optional<Instant> restingUntil(String pluginId, String handler) {
    return breakers.restingUntil(handlerKey(pluginId, handler));
  }

  /** Handlers resting after repeated failures, as {@code plugin/handler} (for health). */
  List<String> restingHandlers() {
    return breakers.resting();
  }

  /** A handler's breaker key: {@code plugin/handler}. */
  static String handlerKey(String pluginId, String handler) {
    return pluginId + "/" + handler;
  }

  private String slug(UUID tenantId) {
    return slugs.computeIfAbsent(
        tenantId, id -> tenants.findById(id).map(t -> t.slug()).orElse(id.toString()));
  }

  static Event parse(String envelope) {
    JsonObject json = JsonText.object(envelope);
    return new Event(
        UUID.fromString(json.getString("id")),
        json.getString("type"),
        UUID.fromString(json.getString("tenantId")),
        json.isNull("workspaceId")
            ? Optional.empty()
            : Optional.of(UUID.fromString(json.getString("workspaceId"))),
        Instant.parse(json.getString("occurredAt")),
        json.getString("source"),
        json.getInt("schemaVersion"),
        json.getJsonObject("data"));
  }

  static String describe(Throwable e) {
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    String message = cause.getMessage();
    return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
