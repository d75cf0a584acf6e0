package io.plexica.plugins.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.plexica.testing.TestPlatform;
import io.plexica.testing.UsesServices;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The dedupe bookkeeping against the test run's PostgreSQL. */
@UsesServices
class EventDeliveriesTest {
  private final EventDeliveries deliveries =
      new EventDeliveries(TestPlatform.database().dataSource());

  @Test
  void deliveriesOlderThanTheWindowAreForgottenAndRecentOnesKept() throws Exception {
    String plugin = "dedupe" + UUID.randomUUID().toString().substring(0, 8);
    List<UUID> old = List.of(UUID.randomUUID(), UUID.randomUUID());
    List<UUID> recent = List.of(UUID.randomUUID());
    deliveries.markHandled(plugin, "h", old);
    TestPlatform.database()
        .inCore(
            em ->
                em.createNativeQuery(
                        "UPDATE plexica_core.event_handled SET handled_at = now() - interval '8 days'"
                            + " WHERE plugin_id = ?1")
                    .setParameter(1, plugin)
                    .executeUpdate());
    deliveries.markHandled(plugin, "h", recent);

    int forgotten =
        deliveries.forgetHandledBefore(
            Instant.now().minus(PluginEventRetries.DEDUPE_WINDOW).plus(Duration.ofMinutes(1)));

    assertThat(forgotten).isGreaterThanOrEqualTo(2);
    List<UUID> all = List.of(old.get(0), old.get(1), recent.get(0));
    assertThat(deliveries.handled(plugin, "h", all)).containsExactlyElementsOf(recent);
  }
}
