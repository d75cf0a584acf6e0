package io.plexica.samples.faulty;

import io.plexica.sdk.CallContext;
import io.plexica.sdk.event.Event;
import io.plexica.sdk.event.EventHandler;
import io.plexica.sdk.event.EventSubscription;
import jakarta.json.JsonObject;
import org.osgi.service.component.annotations.Component;

/**
 * Fails on every workspace whose slug starts with the configured prefix ({@code boom} unless
 * configured), so tests can watch the retries and the dead-letter queue, then "fix" it by changing
 * the configuration; other workspaces pass.
 */
@Component(service = EventHandler.class)
@EventSubscription(topics = "core.workspace.created")
public class FaultyEvents implements EventHandler {

  @Override
  public void handle(Event event, CallContext context) {
    JsonObject after = event.data().getJsonObject("after");
    String prefix = context.config().getString("failOnSlugPrefix", "boom");
    if (after != null && after.getString("slug", "").startsWith(prefix)) {
      throw new IllegalStateException("faulty refuses workspace " + after.getString("slug"));
    }
  }
}
