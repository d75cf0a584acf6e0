package io.plexica.events.infra;

import io.plexica.events.app.EventMetrics;
import io.plexica.events.infra.EventDeliveries.Due;
import io.plexica.plugins.app.CallContexts;
import io.plexica.plugins.app.PluginCallGuard;
import io.plexica.plugins.app.PluginRuntime;
import io.plexica.plugins.app.PluginRuntime.EventSubscriber;
import io.plexica.plugins.domain.PluginInstallation;
import io.plexica.plugins.domain.PluginProblems;
import io.plexica.plugins.domain.PluginStore;
import io.plexica.sdk.CallContext;
import io.plexica.sdk.event.Event;
import io.plexica.shared.events.Topics;
import io.plexica.shared.json.JsonText;
import io.plexica.shared.lifecycle.BackgroundLoop;
import io.plexica.shared.persistence.EventOutbox;
import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.resilience.Breakers;
import io.plexica.tenancy.domain.TenantRepository;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Delivers events from Kafka to the event handlers of running plugins: only for tenants where the
 * handler's plugin is installed and enabled, at the version the tenant runs, through the plugin
 * call guard (time limit, breaker). Each handler handles an event once (deduplicated on the event
 * id); one that throws is retried after 1, 2 and 4 s by the retry loop, then its event goes to
 * {@code dlq.<topic>} and stays {@code FAILED} in the dead-letter table.
 */
public class PluginEventDispatcher implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(PluginEventDispatcher.class.getName());
  static final String GROUP = "plexica-plugin-events";

  /**
   * How long a handler's deliveries are remembered for deduplication: Kafka's default retention,
   * the furthest back a consumer can be sent again.
   */
  static final Duration DEDUPE_WINDOW = Duration.ofDays(7);

  private static final Duration PRUNE_EVERY = Duration.ofHours(1);

  /** How long a retry waits when the plugin's breaker refused it. */
  static final Duration BREAKER_WAIT = Duration.ofSeconds(5);

  private final KafkaSettings kafka;
  private final DataSource dataSource;
  private final PluginRuntime runtime;
  private final PluginStore store;
  private final TenantRepository tenants;
  private final PluginCallGuard guard;
  private final EventDeliveries deliveries;
  private final EventMetrics metrics;
  private final Breakers breakers;
  private final Map<UUID, String> slugs = new ConcurrentHashMap<>();
  private final BackgroundLoop consumer;
  private final BackgroundLoop retries;

  public PluginEventDispatcher(
      KafkaSettings kafka,
      DataSource dataSource,
      PluginRuntime runtime,
      PluginStore store,
      TenantRepository tenants,
      PluginCallGuard guard,
      EventMetrics metrics,
      Breakers breakers) {
    this.kafka = kafka;
    this.metrics = metrics;
    this.breakers = breakers;
    this.dataSource = dataSource;
    this.runtime = runtime;
    this.store = store;
    this.tenants = tenants;
    this.guard = guard;
    this.deliveries = new EventDeliveries(dataSource);
    this.consumer = new BackgroundLoop("plexica-plugin-events", this::consume);
    this.retries = new BackgroundLoop("plexica-plugin-event-retries", this::retry);
  }

  public PluginEventDispatcher start() {
    consumer.start();
    retries.start();
    return this;
  }

  private void consume(BackgroundLoop loop) {
    Properties properties = kafka.common();
    properties.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
    properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "plexica-plugin-events");
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // Topics of plugins deployed later are found within seconds.
    properties.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 2000);
    // Bookkeeping (dedupe, commit) is per poll: larger polls, fewer round trips under load.
    properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
    while (loop.running()) {
      try (KafkaConsumer<String, byte[]> consumer =
          new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
        Set<String> subscribed = Set.of();
        while (loop.running()) {
          Set<String> wanted = topics();
          if (!wanted.equals(subscribed)) {
            if (wanted.isEmpty()) {
              consumer.unsubscribe();
            } else {
              consumer.subscribe(wanted);
            }
            subscribed = wanted;
          }
          if (subscribed.isEmpty()) {
            loop.pause(Duration.ofMillis(500));
            continue;
          }
          List<Incoming> batch = new ArrayList<>();
          for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            String envelope = new String(record.value(), StandardCharsets.UTF_8);
            try {
              batch.add(new Incoming(record.topic(), envelope, parse(envelope)));
            } catch (RuntimeException e) {
              LOG.log(Level.WARNING, "Skipping a malformed event on " + record.topic(), e);
            }
          }
          if (!batch.isEmpty()) {
            dispatch(batch);
            consumer.commitSync();
          }
        }
      } catch (RuntimeException e) {
        if (loop.running()) {
          LOG.log(Level.WARNING, "Delivering events to plugins failed; reconnecting", e);
          loop.pause(Duration.ofSeconds(1));
        }
      }
    }
  }

  private Set<String> topics() {
    Set<String> topics = new TreeSet<>();
    runtime.eventHandlers().forEach(s -> topics.addAll(s.topics()));
    return topics;
  }

  /** An event as it came from Kafka. */
  record Incoming(String topic, String envelope, Event event) {}

  /**
   * Hands a poll's events to every handler subscribed to their topics: one query finds which the
   * handler handled already (redeliveries), one guarded call runs the handler on the rest (each
   * event's failure is its own), one statement records the ones it handled.
   */
  void dispatch(List<Incoming> batch) {
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

  /**
   * The context of a delivery, or empty when the handler must not see the event: its plugin is not
   * enabled in the tenant, the tenant runs another version, or a filter declines it.
   */
  private Optional<CallContext> contextFor(EventSubscriber subscriber, Event event) {
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

  /** Calls the handler through the plugin call guard (time limit, breaker) and counts it. */
  private void invoke(EventSubscriber subscriber, Event event, CallContext context) {
    long start = System.nanoTime();
    guard.call(
        subscriber.pluginId(),
        context,
        () -> {
          subscriber.handler().handle(event, context);
          return null;
        });
    metrics.consumed(
        event.type(), subscriber.pluginId(), Duration.ofNanos(System.nanoTime() - start));
  }

  /** Dead letters waiting for a decision or a retry (for the gauge). */
  public long pendingDeadLetters() {
    try {
      return deliveries.unresolved();
    } catch (SQLException e) {
      return -1;
    }
  }

  /** Event handlers of running plugins (for the gauge). */
  public int activeSubscriptions() {
    return runtime.eventHandlers().size();
  }

  private void retry(BackgroundLoop loop) {
    Instant nextPrune = Instant.now();
    while (loop.running()) {
      try {
        if (Instant.now().isAfter(nextPrune)) {
          deliveries.forgetHandledBefore(Instant.now().minus(DEDUPE_WINDOW));
          nextPrune = Instant.now().plus(PRUNE_EVERY);
        }
        List<Due> due = deliveries.due(50);
        for (Due delivery : due) {
          attempt(delivery);
        }
        if (due.isEmpty()) {
          loop.pause(Duration.ofMillis(200));
        }
      } catch (SQLException | RuntimeException e) {
        LOG.log(Level.WARNING, "Retrying failed events failed", e);
        loop.pause(Duration.ofSeconds(1));
      }
    }
  }

  private void attempt(Due due) throws SQLException {
    Event event = parse(due.envelope());
    boolean retriesLeft =
        "RETRYING".equals(due.status()) && due.attempts() < EventDeliveries.RETRIES.size();
    Optional<EventSubscriber> subscriber =
        runtime.eventHandlers().stream()
            .filter(s -> s.pluginId().equals(due.pluginId()) && s.name().equals(due.handler()))
            .findFirst();
    Optional<CallContext> context = subscriber.flatMap(s -> contextFor(s, event));
    if (subscriber.isEmpty() || context.isEmpty()) {
      fail(due, "the handler is not running for this tenant", retriesLeft);
      return;
    }
    String key = handlerKey(due.pluginId(), due.handler());
    Optional<Instant> resting = breakers.restingUntil(key);
    if (resting.isPresent()) {
      deliveries.postpone(
          due.id(),
          Duration.between(Instant.now(), resting.get()),
          "the handler rests until " + resting.get());
      return;
    }
    try {
      invoke(subscriber.get(), event, context.get());
      breakers.succeeded(key);
      deliveries.markHandled(due.pluginId(), due.handler(), List.of(event.id()));
      deliveries.resolved(due.id());
    } catch (ProblemException e) {
      breakers.failed(key);
      if (e.type().equals(PluginProblems.PLUGIN_UNAVAILABLE)) {
        // The plugin's breaker is open: this attempt did not happen; try again once it closes.
        deliveries.postpone(due.id(), BREAKER_WAIT, describe(e));
      } else {
        fail(due, describe(e), retriesLeft);
      }
    } catch (RuntimeException e) {
      breakers.failed(key);
      fail(due, describe(e), retriesLeft);
    }
  }

  /** A handler's breaker key: {@code plugin/handler}. */
  static String handlerKey(String pluginId, String handler) {
    return pluginId + "/" + handler;
  }

  /** Handlers resting after repeated failures, as {@code plugin/handler} (for health). */
  public List<String> restingHandlers() {
    return breakers.resting();
  }

  private void fail(Due due, String error, boolean retriesLeft) throws SQLException {
    metrics.failed(due.topic(), due.pluginId());
    deliveries.failedAgain(due, error, retriesLeft);
    if (!retriesLeft && "RETRYING".equals(due.status())) {
      deadLetterTopic(due);
      metrics.deadLettered(due.topic(), due.pluginId());
    }
  }

  /** The event, as it was, on {@code dlq.<topic>}, through the outbox. */
  private void deadLetterTopic(Due due) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      EventOutbox.appendEnvelope(
          connection,
          Topics.deadLetters(due.topic()),
          parse(due.envelope()).tenantId(),
          due.envelope());
    }
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

  private static String describe(Throwable e) {
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    String message = cause.getMessage();
    return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  @Override
  public void close() {
    consumer.close();
    retries.close();
  }
}
