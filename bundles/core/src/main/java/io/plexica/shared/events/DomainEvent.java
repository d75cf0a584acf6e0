package io.plexica.shared.events;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A change the platform announces on the event bus, such as {@code core.member.role_changed}.
 * Features create them inside the transaction of the change they describe; the store that commits
 * the change writes them to the outbox in the same transaction, so an event exists exactly when its
 * change does.
 *
 * @param topic {@code core.<domain>.<action>}, the action a past-tense verb
 * @param data plain values (strings, numbers, booleans, nulls; nested maps and lists of those)
 */
public record DomainEvent(
    String topic, UUID tenantId, Optional<UUID> workspaceId, Map<String, ?> data) {

  public DomainEvent {
    Topics.requireValid(topic);
    // Nulls are meaningful in events (a before of nothing): no Map.copyOf.
    data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
  }

  /**
   * The tenant id of events about the platform itself rather than one tenant (a plugin deployed to
   * the registry): the nil UUID, which no tenant has.
   */
  public static final UUID PLATFORM = new UUID(0, 0);

  /** An event about the platform itself, such as {@code core.plugin.deployed}. */
  public static DomainEvent ofPlatform(String topic, Map<String, ?> data) {
    return of(topic, PLATFORM, data);
  }

  public static DomainEvent of(String topic, UUID tenantId, Map<String, ?> data) {
    return new DomainEvent(topic, tenantId, Optional.empty(), data);
  }

  public static DomainEvent inWorkspace(
      String topic, UUID tenantId, UUID workspaceId, Map<String, ?> data) {
    return new DomainEvent(topic, tenantId, Optional.of(workspaceId), data);
  }
}
