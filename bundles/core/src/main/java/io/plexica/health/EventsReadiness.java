package io.plexica.health;

import io.plexica.events.infra.EventsAtStartup;
import io.plexica.plugins.infra.PluginEventsAtStartup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
    events
        .relay()
        .ifPresent(
            relay -> {
              response.withData("relayLeader", relay.leader());
              response.withData("relayed", relay.relayed());
              response.withData("outboxBacklog", relay.backlog());
              if (relay.lastError() != null) {
                response.withData("lastError", relay.lastError());
              }
            });
    pluginEvents
        .dispatcher()
        .ifPresent(
            dispatcher ->
                response.withData(
                    "restingHandlers", String.join(",", dispatcher.restingHandlers())));
    return response.build();
  }
}
