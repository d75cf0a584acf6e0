package io.plexica.shared.resilience;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Breakers by key (a plugin, a plugin's event handler): after {@code failuresToOpen} failures in a
 * row a key rests for {@code rest}; once the rest is over it is tried again, and one more failure
 * sends it back to rest (a success clears the count).
 */
public class Breakers {
  private final int failuresToOpen;
  private final Duration rest;
  private final Clock clock;
  private final Map<String, State> states = new ConcurrentHashMap<>();

  private static final class State {
    int failures;
    Instant restingUntil = Instant.MIN;
  }

  public Breakers(int failuresToOpen, Duration rest, Clock clock) {
    this.failuresToOpen = failuresToOpen;
    this.rest = rest;
    this.clock = clock;
  }

  public int failuresToOpen() {
    return failuresToOpen;
  }

  /** When the key rests, until when; empty when it may be called. */
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

  /** Counts a failure; when it sends the key to rest, the end of the rest. */
  public Optional<Instant> failed(String key) {
    State state = states.computeIfAbsent(key, k -> new State());
    synchronized (state) {
      state.failures++;
      if (state.failures < failuresToOpen) {
        return Optional.empty();
      }
      state.restingUntil = clock.instant().plus(rest);
      state.failures = failuresToOpen - 1;
      return Optional.of(state.restingUntil);
    }
  }

  /** The keys resting now. */
  public List<String> resting() {
    return states.keySet().stream().filter(k -> restingUntil(k).isPresent()).sorted().toList();
  }
}
