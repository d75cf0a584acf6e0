package io.plexica.plugins.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Safe mode: the platform starts with no plugin at all, and says so in its readiness data. */
class SafeModeTest {

  @Test
  void inSafeModeNoPluginIsStartedAndStartUpIsDone() {
    PluginsAtStartup startup = new PluginsAtStartup();
    startup.safeMode = true;
    startup.deployDir = Optional.of("/nonexistent");
    // No deployment, schema or executor: touching any of them would fail this test.

    startup.start(new Object());

    assertThat(startup.safeMode()).isTrue();
    assertThat(startup.done()).isTrue();
  }
}
