package io.plexica.plugins.infra;

import io.plexica.events.app.EventMetrics;
import io.plexica.events.domain.DeadLetter;
import io.plexica.plugins.app.PluginRuntime.EventSubscriber;
import io.plexica.plugins.domain.PluginProblems;
import io.plexica.plugins.infra.EventDeliveries.Due;
import io.plexica.sdk.CallContext;
import io.plexica.sdk.event.Event;
import io.plexica.shared.events.Topics;
import io.plexica.shared.lifecycle.BackgroundLoop;
import io.plexica.shared.persistence.EventOutbox;
import io.plexica.shared.problem.ProblemException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The retry loop: deliveries in the dead-letter table that are due get another attempt, after 1, 2
 * and 4 s ({@link EventDeliveries#RETRIES}), or when an operator asked for one; after the last, the
 * event goes to {@code dlq.<topic>} and stays {@code FAILED}. A handler that rests (its breaker is
 * open) is not called: its deliveries wait until its rest is over. Also forgets, once an hour,
 * which events handlers handled longer ago than Kafka could send them again.
 */
final class PluginEventRetries implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(PluginEventRetries.class.getName());

  /**
   * How long a handler's deliveries are remembered for deduplication: Kafka's default retention,
   * the furthest back a consumer can be sent again.
   */
  static final Duration DEDUPE_WINDOW = Duration.ofDays(7);

  private static final Duration PRUNE_EVERY = Duration.ofHours(1);

  /** How long a retry waits when the plugin's breaker refused it. */
  static final Duration BREAKER_WAIT = Duration.ofSeconds(5);

  private final DataSource dataSource;
  private final EventDeliveries deliveries;
  private final PluginEventDelivery delivery;
  private final EventMetrics metrics;
  private final BackgroundLoop loop;

  PluginEventRetries(
      DataSource dataSource,
      EventDeliveries deliveries,
      PluginEventDelivery delivery,
      EventMetrics metrics) {
    this.dataSource = dataSource;
    this.deliveries = deliveries;
    this.delivery = delivery;
    this.metrics = metrics;
    this.loop = new BackgroundLoop("plexica-plugin-event-retries", this::retry);
  }

  void start() {
    loop.start();
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
        for (Due next : due) {
          attempt(next);
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
    Event event = PluginEventDelivery.parse(due.envelope());
    boolean retriesLeft =
        due.status() == DeadLetter.Status.RETRYING
            && due.attempts() < EventDeliveries.RETRIES.size();
    Optional<EventSubscriber> subscriber = delivery.subscriber(due.pluginId(), due.handler());
    Optional<CallContext> context = subscriber.flatMap(s -> delivery.contextFor(s, event));
    if (subscriber.isEmpty() || context.isEmpty()) {
      fail(due, "the handler is not running for this tenant", retriesLeft);
      return;
    }
    Optional<Instant> resting = delivery.restingUntil(due.pluginId(), due.handler());
    if (resting.isPresent()) {
      deliveries.postpone(
          due.id(),
          Duration.between(Instant.now(), resting.get()),
          "the handler rests until " + resting.get());
      return;
    }
    try {
      delivery.invoke(subscriber.get(), event, context.get());
      deliveries.markHandled(due.pluginId(), due.handler(), List.of(event.id()));
      deliveries.resolved(due.id());
    } catch (ProblemException e) {
      if (e.type().equals(PluginProblems.PLUGIN_UNAVAILABLE)) {
        // The plugin's breaker is open: this attempt did not happen; try again once it closes.
        deliveries.postpone(due.id(), BREAKER_WAIT, PluginEventDelivery.describe(e));
      } else {
        fail(due, PluginEventDelivery.describe(e), retriesLeft);
      }
    } catch (RuntimeException e) {
      fail(due, PluginEventDelivery.describe(e), retriesLeft);
    }
  }

  private void fail(Due due, String error, boolean retriesLeft) throws SQLException {
    metrics.failed(due.topic(), due.pluginId());
    deliveries.failedAgain(due, error, retriesLeft);
    if (!retriesLeft && due.status() == DeadLetter.Status.RETRYING) {
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
          PluginEventDelivery.parse(due.envelope()).tenantId(),
          due.envelope());
    }
  }

  @Override
  public void close() {
    loop.close();
  }
}
