package io.plexica.events.infra;

import io.plexica.events.app.EventMetrics;
import io.plexica.shared.lifecycle.BackgroundLoop;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Moves events from {@code plexica_core.event_outbox} to Kafka: in {@code seq} order, keyed by
 * tenant (so each tenant's events keep their order in one partition), deleting rows only once Kafka
 * acknowledged them. While Kafka is down, rows wait and are sent when it is back; a batch that was
 * partly sent before a failure is sent again, which consumers absorb by deduplicating on the event
 * id. One relay runs at a time across replicas: the one holding a PostgreSQL advisory lock.
 */
public class OutboxRelay implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());

  /** The advisory lock key of the relay ("PLXOUTBX" as a number). */
  static final long LOCK = 0x504C584F55544258L;

  private static final int BATCH = 2000;

  private final DataSource dataSource;
  private final Producer<String, byte[]> producer;
  private final Duration idle;
  private final BackgroundLoop loop;
  private final EventMetrics metrics;
  private final AtomicLong relayed = new AtomicLong();
  private long resumeAfter;
  private volatile boolean leader;
  private volatile String lastError;

  public OutboxRelay(
      DataSource dataSource, KafkaSettings kafka, Duration idle, EventMetrics metrics) {
    this("", dataSource, kafka, idle, metrics);
  }

  /**
   * The relay of one database cluster's outbox; {@code suffix} tells its thread and Kafka client
   * apart from the other clusters' relays on the node (empty for the main cluster).
   */
  public OutboxRelay(
      String suffix,
      DataSource dataSource,
      KafkaSettings kafka,
      Duration idle,
      EventMetrics metrics) {
    this.dataSource = dataSource;
    this.metrics = metrics;
    this.producer =
        new KafkaProducer<>(
            kafka.producer("plexica-outbox" + suffix),
            new StringSerializer(),
            new ByteArraySerializer());
    this.idle = idle;
    this.loop = new BackgroundLoop("plexica-outbox-relay" + suffix, this::run);
  }

  public OutboxRelay start() {
    loop.start();
    return this;
  }

  /** Whether this node relays (holds the lock). */
  public boolean leader() {
    return leader;
  }

  /** Events this node moved to Kafka since it started. */
  public long relayed() {
    return relayed.get();
  }

  /** Why the last attempt failed, while Kafka or the database keeps failing; null when fine. */
  public String lastError() {
    return lastError;
  }

  /** Events waiting in the outbox. */
  public long backlog() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement count =
            connection.prepareStatement("SELECT count(*) FROM plexica_core.event_outbox");
        ResultSet rows = count.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      return -1;
    }
  }

  private void run(BackgroundLoop loop) {
    while (loop.running()) {
      try (Connection lock = dataSource.getConnection()) {
        if (!tryLock(lock)) {
          loop.pause(Duration.ofSeconds(2));
          continue;
        }
        leader = true;
        try {
          relayWhileRunning();
        } finally {
          unlock(lock);
        }
      } catch (SQLException | RuntimeException e) {
        failed(e);
        loop.pause(Duration.ofSeconds(1));
      } finally {
        leader = false;
      }
    }
  }

  private static boolean tryLock(Connection connection) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
      statement.setLong(1, LOCK);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() && rows.getBoolean(1);
      }
    }
  }

  /** Pooled connections outlive their use: the lock must not stay with one. */
  private static void unlock(Connection connection) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
      statement.setLong(1, LOCK);
      statement.execute();
    }
  }

  private void relayWhileRunning() {
    while (loop.running()) {
      int sent;
      try {
        sent = relayBatch();
        lastError = null;
      } catch (SQLException | RuntimeException e) {
        failed(e);
        loop.pause(Duration.ofSeconds(1));
        continue;
      }
      if (sent == 0) {
        loop.pause(idle);
      }
    }
  }

  private record Row(long seq, String topic, String tenantId, String envelope) {}

  /** Sends one batch and deletes what Kafka acknowledged; returns how many events it moved. */
  int relayBatch() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      List<Row> rows = new ArrayList<>();
      try (PreparedStatement select =
          connection.prepareStatement(
              "SELECT seq, topic, tenant_id, envelope FROM plexica_core.event_outbox"
                  + " WHERE seq > ? ORDER BY seq LIMIT "
                  + BATCH)) {
        select.setLong(1, resumeAfter);
        // After a failure, or once caught up, the next read starts from the beginning again.
        resumeAfter = 0;
        try (ResultSet result = select.executeQuery()) {
          while (result.next()) {
            rows.add(
                new Row(
                    result.getLong(1),
                    result.getString(2),
                    result.getString(3),
                    result.getString(4)));
          }
        }
      }
      if (rows.isEmpty()) {
        return 0;
      }
      List<Future<RecordMetadata>> acks = new ArrayList<>();
      long start = System.nanoTime();
      for (Row row : rows) {
        Future<RecordMetadata> ack =
            producer.send(
                new ProducerRecord<>(
                    row.topic(), row.tenantId(), row.envelope().getBytes(StandardCharsets.UTF_8)));
        if (ack.isDone()) {
          // Failed at once (no metadata within max.block.ms: Kafka unreachable): stop here rather
          // than wait that long for every event of the batch.
          await(ack, row);
        }
        acks.add(ack);
      }
      producer.flush();
      Long[] done = new Long[rows.size()];
      for (int i = 0; i < acks.size(); i++) {
        try {
          acks.get(i).get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
          throw new IllegalStateException(
              "Kafka did not acknowledge event " + rows.get(i).seq(), e);
        }
        done[i] = rows.get(i).seq();
      }
      try (PreparedStatement delete =
          connection.prepareStatement(
              "DELETE FROM plexica_core.event_outbox WHERE seq = ANY (?)")) {
        Array seqs = connection.createArrayOf("bigint", done);
        delete.setArray(1, seqs);
        delete.executeUpdate();
      }
      // Rows just deleted stay in the index until vacuum: during a backlog, reading on from the
      // last one keeps each batch from stepping over all of them again. Reading from the beginning
      // once caught up picks up rows whose transactions committed late with a lower seq.
      if (rows.size() == BATCH) {
        resumeAfter = rows.get(rows.size() - 1).seq();
      }
      relayed.addAndGet(rows.size());
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      rows.forEach(row -> metrics.published(row.topic(), took));
      return rows.size();
    }
  }

  private static void await(Future<RecordMetadata> ack, Row row) {
    try {
      ack.get(15, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while relaying event " + row.seq(), e);
    } catch (Exception e) {
      throw new IllegalStateException(
          "Kafka did not acknowledge event " + row.seq() + " on " + row.topic(), e);
    }
  }

  private void failed(Exception e) {
    String message = e.getMessage();
    if (lastError == null) {
      LOG.log(Level.WARNING, "Relaying events to Kafka failed; retrying every second", e);
    }
    lastError = message == null ? e.getClass().getSimpleName() : message;
  }

  @Override
  public void close() {
    loop.close();
    producer.close(Duration.ofSeconds(5));
  }
}
