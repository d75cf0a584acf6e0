package io.plexica.usage.infra;

import io.plexica.shared.lifecycle.BackgroundLoop;
import io.plexica.usage.app.ApiUsageRecorder;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Sends this replica's API usage counts to Redis every five seconds, and once more at shutdown. */
@ApplicationScoped
public class UsageFlusher {
  private static final Logger LOG = Logger.getLogger(UsageFlusher.class.getName());
  static final Duration FLUSH_EVERY = Duration.ofSeconds(5);

  @Inject ApiUsageRecorder recorder;
  private BackgroundLoop loop;
  private volatile boolean failing;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    loop =
        new BackgroundLoop(
                "plexica-usage-flush",
                running -> {
                  while (running.running()) {
                    running.pause(FLUSH_EVERY);
                    flush();
                  }
                })
            .start();
  }

  private void flush() {
    try {
      recorder.flush();
      failing = false;
    } catch (RuntimeException e) {
      if (!failing) {
        LOG.log(Level.WARNING, "API usage could not reach Redis; its counts wait in memory", e);
      }
      failing = true;
    }
  }

  @PreDestroy
  void stop() {
    if (loop != null) {
      loop.close();
    }
    flush();
  }
}
