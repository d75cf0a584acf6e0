/**
 * Events: what happened in the platform ({@code core.<domain>.<action>}) and in plugins ({@code
 * plugin.<pluginId>.<event>}). A plugin publishes under its own namespace with {@link
 * io.plexica.sdk.event.EventPublisher} and subscribes with a component providing {@link
 * io.plexica.sdk.event.EventHandler} annotated with {@link io.plexica.sdk.event.EventSubscription}.
 * It receives only events of tenants where it is installed and enabled; delivery is at least once,
 * deduplicated by the platform on the event id; a handler that throws is retried after 1, 2 and 4
 * seconds, then the event goes to the dead-letter queue.
 */
@Export
@Version("1.0.0")
package io.plexica.sdk.event;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
