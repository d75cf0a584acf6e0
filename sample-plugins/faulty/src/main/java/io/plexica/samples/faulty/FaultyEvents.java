package io.plexica.samples.faulty;

import io.plexica.sdk.CallContext;
import io.plexica.sdk.event.Event;
import io.plexica.sdk.event.EventHandler;
import io.plexica.sdk.event.EventSubscription;
import jakarta.json.JsonObject;
import org.osgi.service.component.annotations.Component;

/**
 * Fails on every workspace whose slug starts with {@code boom}, so tests can watch the retries and
 * the dead-letter queue; other workspaces pass.
 */
@Component(service = EventHandler.class)
@EventSubscription(topics = "core.workspace.created")
public class FaultyEvents implements EventHandler {

  @Override
  public void handle(Event event, CallContext context) {
    JsonObject after = event.data().getJsonObject("after");
    if (after != null && after.getString("slug", "").startsWith("boom")) {
      throw new IllegalStateException("faulty refuses workspace " + after.getString("slug"));
    }
  }
}
