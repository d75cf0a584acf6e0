package io.plexica.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.plexica.shared.resilience.Breakers;
import io.plexica.testing.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The breakers of plugins and event handlers: open after five failures in a row, rest, are tried
 * again, and one more failure sends them back to rest.
 */
class BreakersTest {
  private final ManualClock clock = new ManualClock();

  private final Breakers breakers = new Breakers(5, Duration.ofSeconds(30), clock);

  @Test
  void fiveFailuresInARowRestTheHandlerForItsRest() {
    for (int i = 0; i < 4; i++) {
      breakers.failed("crm/Welcome");
    }
    breakers.succeeded("crm/Welcome");
    for (int i = 0; i < 4; i++) {
      breakers.failed("crm/Welcome");
    }
    assertThat(breakers.restingUntil("crm/Welcome")).as("a success in between").isEmpty();

    breakers.failed("crm/Welcome");
    assertThat(breakers.restingUntil("crm/Welcome")).contains(clock.now.plusSeconds(30));
    assertThat(breakers.resting()).containsExactly("crm/Welcome");
    assertThat(breakers.restingUntil("crm/Other")).isEmpty();

    clock.now = clock.now.plusSeconds(30);
    assertThat(breakers.restingUntil("crm/Welcome")).isEmpty();
    assertThat(breakers.resting()).isEmpty();

    assertThat(breakers.failed("crm/Welcome"))
        .as("tried again, failed again")
        .contains(clock.now.plusSeconds(30));
  }
}
