package io.plexica.sdk.hook;

import org.osgi.annotation.versioning.ConsumerType;

/** Handles one extension point; register it as a service with a {@link Hook} property. */
@ConsumerType
@FunctionalInterface
public interface HookHandler {

  /**
   * Reacts to the event. Returning {@link HookResult#veto} stops a vetoable operation; at other
   * points it is ignored. An exception or a time-out counts as {@link HookResult#proceed()}: a
   * broken plugin never blocks the platform.
   */
  HookResult handle(HookCall call) throws Exception;
}
