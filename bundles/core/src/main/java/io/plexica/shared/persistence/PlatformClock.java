package io.plexica.shared.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The one clock of the platform, so that services take time as a dependency tests can fix. */
@ApplicationScoped
public class PlatformClock {
  @Produces
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }
}
