package io.plexica.shared.cache;

import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.Connection;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A Redis channel on which the nodes of the platform tell each other that something they may hold
 * in memory changed. Each message reaches {@code onMessage}; every (re)subscription calls {@code
 * onSubscribed}, because messages sent while this node was not listening are lost. A node must keep
 * nothing in memory while {@link #listening()} is false.
 */
public class RedisInvalidations implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(RedisInvalidations.class.getName());

  private final JedisPooled redis;
  private final String channel;
  private final Consumer<String> onMessage;
  private final Runnable onSubscribed;
  private final Thread listener;
  private volatile boolean subscribed;
  private volatile boolean closed;
  private volatile JedisPubSub subscription;

  public RedisInvalidations(
      JedisPooled redis, String channel, Consumer<String> onMessage, Runnable onSubscribed) {
    this.redis = redis;
    this.channel = channel;
    this.onMessage = onMessage;
    this.onSubscribed = onSubscribed;
    this.listener = new Thread(this::listen, "plexica-invalidations-" + channel);
    listener.setDaemon(true);
    listener.start();
  }

  public boolean listening() {
    return subscribed;
  }

  /** Tells every node (this one included); false when Redis could not be reached. */
  public boolean publish(String message) {
    try {
      redis.publish(channel, message);
      return true;
    } catch (JedisException e) {
      LOG.log(Level.SEVERE, "Could not publish an invalidation on " + channel, e);
      return false;
    }
  }

  private void listen() {
    while (!closed) {
      JedisPubSub pubSub =
          new JedisPubSub() {
            @Override
            public void onSubscribe(String name, int subscribedChannels) {
              onSubscribed.run();
              subscribed = true;
            }

            @Override
            public void onMessage(String name, String message) {
              onMessage.accept(message);
            }
          };
      subscription = pubSub;
      try {
        subscribe(pubSub);
      } catch (RuntimeException e) {
        if (!closed) {
          LOG.log(Level.FINE, "Channel " + channel + " lost; reconnecting", e);
        }
      } finally {
        subscribed = false;
        onSubscribed.run();
      }
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        closed = true;
      }
    }
  }

  /**
   * Listens on a connection of its own, made by the pool's factory but never counted in the pool: a
   * subscription holds its connection for as long as it lasts, and every cache's listener taking
   * one of the pool's would leave request threads waiting for the rest. Closed (disconnected) when
   * the subscription ends, never handed back: a connection that left a subscription abnormally
   * would give the next command a pub/sub message as its reply.
   */
  private void subscribe(JedisPubSub pubSub) {
    Connection connection;
    try {
      connection = redis.getPool().getFactory().makeObject().getObject();
    } catch (Exception e) {
      throw new JedisException("Could not connect for " + channel, e);
    }
    try {
      pubSub.proceed(connection, channel);
    } finally {
      connection.close();
    }
  }

  @Override
  public void close() {
    closed = true;
    JedisPubSub pubSub = subscription;
    if (pubSub != null && pubSub.isSubscribed()) {
      pubSub.unsubscribe();
    }
    listener.interrupt();
  }
}
