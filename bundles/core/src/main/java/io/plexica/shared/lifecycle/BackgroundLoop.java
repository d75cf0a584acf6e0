package io.plexica.shared.lifecycle;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * A daemon thread running a loop until it is closed. The body checks {@link #running()} and calls
 * {@link #pause} between rounds; closing ends pauses at once and lets the round in progress finish
 * (a Kafka client then closes cleanly, leaving its group), interrupting it only after a few
 * seconds.
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

  /** Sleeps, until closed at the latest; an interruption ends the loop. */
  public void pause(Duration duration) {
    long until = System.nanoTime() + duration.toNanos();
    synchronized (this) {
      try {
        long left;
        while (running && (left = until - System.nanoTime()) > 0) {
          wait(Math.max(1, left / 1_000_000));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running = false;
      }
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      running = false;
      notifyAll();
    }
    try {
      thread.join(3000);
      if (thread.isAlive()) {
        thread.interrupt();
        thread.join(2000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
