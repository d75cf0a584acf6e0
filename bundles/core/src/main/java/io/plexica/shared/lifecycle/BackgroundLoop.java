package io.plexica.shared.lifecycle;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * A daemon thread running a loop until it is closed. The body checks {@link #running()} and calls
 * {@link #pause} between rounds; closing stops it and waits for it a few seconds.
 */
public final class BackgroundLoop implements AutoCloseable {
  private final Thread thread;
  private volatile boolean running = true;

  public BackgroundLoop(String name, Consumer<BackgroundLoop> body) {
    this.thread = new Thread(() -> body.accept(this), name);
    thread.setDaemon(true);
  }

  public BackgroundLoop start() {
    thread.start();
    return this;
  }

  public boolean running() {
    return running;
  }

  /** Sleeps; an interruption ends the loop. */
  public void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
