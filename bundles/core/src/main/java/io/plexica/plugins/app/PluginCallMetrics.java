package io.plexica.plugins.app;

import java.time.Duration;

/** Calls between plugins, counted by caller, callee and path ({@code service} or {@code route}). */
public interface PluginCallMetrics {
  void called(String caller, String callee, String path, Duration took, boolean failed);

  PluginCallMetrics NONE = (caller, callee, path, took, failed) -> {};
}
