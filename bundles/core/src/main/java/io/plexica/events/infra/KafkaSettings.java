package io.plexica.events.infra;

import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;

/** How the platform reaches Kafka (any Kafka-compatible cluster: Apache Kafka, Redpanda). */
public record KafkaSettings(String bootstrapServers) {

  /**
   * An idempotent producer that waits for every in-sync replica (no event acknowledged and then
   * lost), compresses with zstd and batches for a few milliseconds.
   */
  public Properties producer(String clientId) {
    Properties properties = new Properties();
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
    properties.put(ProducerConfig.LINGER_MS_CONFIG, 2);
    // The relay sends up to 2,000 events at once: room for them in few requests.
    properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    // While Kafka is down, sends fail within seconds and the outbox keeps the events.
    properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000);
    properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
    properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10000);
    return properties;
  }
}
