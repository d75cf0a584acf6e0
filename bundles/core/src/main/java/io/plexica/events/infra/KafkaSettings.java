package io.plexica.events.infra;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * How the platform reaches Kafka (any Kafka-compatible cluster: Apache Kafka, Redpanda), and with
 * which security: TLS and SASL (PLAIN or SCRAM) for clusters outside a private link. Every client
 * of the platform (relay, dispatcher, replica follower) takes {@link #common()}.
 */
public record KafkaSettings(String bootstrapServers, Map<String, String> security) {
  private static final Set<String> PROTOCOLS =
      Set.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
  private static final Map<String, String> LOGIN_MODULES =
      Map.of(
          "PLAIN", "org.apache.kafka.common.security.plain.PlainLoginModule",
          "SCRAM-SHA-256", "org.apache.kafka.common.security.scram.ScramLoginModule",
          "SCRAM-SHA-512", "org.apache.kafka.common.security.scram.ScramLoginModule");

  public KafkaSettings {
    security = Map.copyOf(security);
  }

  /** A cluster on a private link, without TLS or SASL (the launcher's). */
  public KafkaSettings(String bootstrapServers) {
    this(bootstrapServers, Map.of());
  }

  /**
   * Settings with security: {@code protocol} one of PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL; with
   * SASL, {@code mechanism} PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512 and a user and password; with
   * TLS, optionally a truststore (PKCS12 or JKS file) for a private certificate authority.
   */
  public static KafkaSettings of(
      String bootstrapServers,
      String protocol,
      String mechanism,
      String user,
      String password,
      String truststore,
      String truststorePassword) {
    String chosen = protocol == null || protocol.isBlank() ? "PLAINTEXT" : protocol.strip();
    if (!PROTOCOLS.contains(chosen)) {
      throw new IllegalStateException(
          "plexica.kafka.security-protocol must be one of " + new TreeSet<>(PROTOCOLS));
    }
    Map<String, String> security = new HashMap<>();
    security.put("security.protocol", chosen);
    if (chosen.startsWith("SASL_")) {
      String module = mechanism == null ? null : LOGIN_MODULES.get(mechanism.strip());
      if (module == null || blank(user) || blank(password)) {
        throw new IllegalStateException(
            "SASL needs plexica.kafka.sasl-mechanism (one of "
                + new TreeSet<>(LOGIN_MODULES.keySet())
                + "), plexica.kafka.user and plexica.kafka.password");
      }
      security.put("sasl.mechanism", mechanism.strip());
      security.put(
          "sasl.jaas.config",
          module
              + " required username=\""
              + quoted(user)
              + "\" password=\""
              + quoted(password)
              + "\";");
    }
    if (chosen.endsWith("SSL") && !blank(truststore)) {
      security.put("ssl.truststore.location", truststore);
      if (!blank(truststorePassword)) {
        security.put("ssl.truststore.password", truststorePassword);
      }
    }
    return new KafkaSettings(bootstrapServers, security);
  }

  /** What every client of the platform needs: where the cluster is and how to log in to it. */
  public Properties common() {
    Properties properties = new Properties();
    properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.putAll(security);
    return properties;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  /** JAAS quotes values in double quotes; a quote or backslash in a password is escaped. */
  private static String quoted(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  @Override
  public String toString() {
    // Never print the JAAS line: it holds the password.
    return "KafkaSettings[" + bootstrapServers + ", " + security.get("security.protocol") + "]";
  }

  /**
   * An idempotent producer that waits for every in-sync replica (no event acknowledged and then
   * lost), compresses with zstd and batches for a few milliseconds.
   */
  public Properties producer(String clientId) {
    Properties properties = common();
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
