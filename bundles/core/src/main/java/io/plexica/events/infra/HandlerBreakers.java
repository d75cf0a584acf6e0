package io.plexica.events.infra;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A breaker per event handler: after {@code failuresToOpen} failures in a row the handler rests for
 * {@code rest}; its events wait (postponed, not counted as attempts) instead of being handed to a
 * handler that keeps failing. Reported in {@code /health/ready}.
 */
public class HandlerBreakers {
  private final int failuresToOpen;
  private final Duration rest;
  private final Clock clock;
  private final Map<String, State> states = new ConcurrentHashMap<>();

  private static final class State {
    int failures;
    Instant restingUntil = Instant.MIN;
  }

  public HandlerBreakers(int failuresToOpen, Duration rest, Clock clock) {
    this.failuresToOpen = failuresToOpen;
    this.rest = rest;
    this.clock = clock;
  }

  static String key(String pluginId, String handler) {
    return pluginId + "/" + handler;
  }

  /** When the handler rests, until when; empty when it may be called. */
  public Optional<Instant> restingUntil(String key) {
    State state = states.get(key);
    if (state == null) {
      return Optional.empty();
    }
    synchronized (state) {
      return clock.instant().isBefore(state.restingUntil)
          ? Optional.of(state.restingUntil)
          : Optional.empty();
    }
  }

  public void succeeded(String key) {
    State state = states.get(key);
    if (state != null) {
      synchronized (state) {
        state.failures = 0;
      }
    }
  }

  public void failed(String key) {
    State state = states.computeIfAbsent(key, k -> new State());
    synchronized (state) {
      state.failures++;
      if (state.failures >= failuresToOpen) {
        state.failures = 0;
        state.restingUntil = clock.instant().plus(rest);
      }
    }
  }

  /** The handlers resting now, as {@code plugin/handler}. */
  public List<String> resting() {
    return states.keySet().stream().filter(k -> restingUntil(k).isPresent()).sorted().toList();
  }
}
