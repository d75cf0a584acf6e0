package io.plexica.health;

import io.plexica.events.infra.EventsAtStartup;
import io.plexica.events.infra.OutboxRelay;
import io.plexica.plugins.infra.PluginEventsAtStartup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The event relay's state and the plugin event handlers resting after repeated failures. Always UP:
 * while Kafka is down, events wait in the outbox and the platform keeps serving; the data says how
 * many wait, why they are not moving, and which handlers rest.
 */
@Readiness
@ApplicationScoped
public class EventsReadiness extends DetailedCheck {
  @Inject EventsAtStartup events;
  @Inject PluginEventsAtStartup pluginEvents;

  @Override
  public HealthCheckResponse detailed() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("events").up();
    List<OutboxRelay> relays = events.relays();
    if (!relays.isEmpty()) {
      // The main cluster's relay, and the backlog of every cluster's outbox together.
      OutboxRelay main = relays.get(0);
      response.withData("relayLeader", main.leader());
      response.withData("relayed", relays.stream().mapToLong(OutboxRelay::relayed).sum());
      response.withData("outboxBacklog", relays.stream().mapToLong(OutboxRelay::backlog).sum());
      relays.stream()
          .map(OutboxRelay::lastError)
          .filter(java.util.Objects::nonNull)
          .findFirst()
          .ifPresent(error -> response.withData("lastError", error));
    }
    pluginEvents
        .dispatcher()
        .ifPresent(
            dispatcher ->
                response.withData(
                    "restingHandlers", String.join(",", dispatcher.restingHandlers())));
    return response.build();
  }
}
