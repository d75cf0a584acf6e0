package io.plexica.plugins.infra;

import io.plexica.plugins.app.PluginCallMetrics;
import java.time.Duration;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Calls between plugins in the application's MicroProfile registry, at {@code /metrics} as {@code
 * plexica_plugins_calls_*} tagged with caller, callee and path.
 */
public class MpPluginCallMetrics implements PluginCallMetrics {
  private final MetricRegistry registry;

  public MpPluginCallMetrics(MetricRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void called(String caller, String callee, String path, Duration took, boolean failed) {
    Tag[] tags = {new Tag("caller", caller), new Tag("callee", callee), new Tag("path", path)};
    registry.timer("plexica.plugins.calls.duration", tags).update(took);
    if (failed) {
      registry.counter("plexica.plugins.calls.failed", tags).inc();
    }
  }
}
