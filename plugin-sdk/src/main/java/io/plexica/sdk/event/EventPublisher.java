package io.plexica.sdk.event;

import io.plexica.sdk.CallContext;
import jakarta.json.JsonObject;
import java.util.UUID;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Publishes the plugin's own events, as {@code plugin.<pluginId>.<event>}, for the tenant (and
 * workspace, when the call has one) of the context; get it with {@code @Reference EventPublisher}.
 * The event name is a past-tense verb in lowercase letters, digits and underscores ({@code
 * report_sent}); other names are refused with {@link IllegalArgumentException}. Events are kept by
 * the platform until Kafka has them, so none is lost while it is down.
 */
@ProviderType
public interface EventPublisher {

  /** Publishes the event; returns its id. */
  UUID publish(CallContext context, String event, JsonObject data);
}
