package io.plexica.shared.hooks;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the platform lets plugins take part in what happens in a tenant (the hooks of the plugin
 * SDK, {@code io.plexica.sdk.hook.HookNames}). Features announce what they did, or ask before doing
 * something a plugin may veto; the plugin runtime delivers it. Features never see plugins.
 */
public interface ExtensionPoints {

  /**
   * Something that happened in a tenant.
   *
   * @param name the extension point, such as {@code workspace.created}
   * @param payload plain values (strings, numbers, booleans, lists of them) as documented per point
   */
  record Event(
      String name,
      UUID tenantId,
      String tenantSlug,
      Optional<UUID> userId,
      Optional<String> username,
      Map<String, Object> payload) {
    public Event {
      payload = Map.copyOf(payload);
    }

    public static Event of(
        String name, UUID tenantId, String tenantSlug, Map<String, Object> payload) {
      return new Event(name, tenantId, tenantSlug, Optional.empty(), Optional.empty(), payload);
    }
  }

  /** Delivers an event plugins may only observe, in the background. */
  void announce(Event event);

  /** Delivers an event plugins may veto, now; the reason of the first veto, if any. */
  Optional<String> ask(Event event);

  /** For code run without plugins (tests of single features, tools). */
  ExtensionPoints NONE =
      new ExtensionPoints() {
        @Override
        public void announce(Event event) {}

        @Override
        public Optional<String> ask(Event event) {
          return Optional.empty();
        }
      };
}
