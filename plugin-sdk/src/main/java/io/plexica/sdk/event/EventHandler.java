package io.plexica.sdk.event;

import io.plexica.sdk.CallContext;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives the events of the topics its component's {@link EventSubscription} names, for tenants
 * where the plugin is installed and enabled. The context carries the tenant, the event's workspace
 * and the plugin's configuration there (no user: the platform delivers). Throwing makes the
 * platform retry the event after 1, 2 and 4 seconds, then put it in the dead-letter queue.
 */
@ConsumerType
public interface EventHandler {

  void handle(Event event, CallContext context) throws Exception;

  /**
   * A filter of the handler's own: events it declines are not delivered (and not retried). All by
   * default.
   */
  default boolean accepts(Event event, CallContext context) {
    return true;
  }
}
