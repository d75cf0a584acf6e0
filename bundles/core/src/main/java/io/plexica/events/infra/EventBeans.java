package io.plexica.events.infra;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Where Kafka is and how to log in to it (environment: {@code PLEXICA_KAFKA_*}). */
@ApplicationScoped
public class EventBeans {

  @Produces
  @Singleton
  KafkaSettings kafka(
      @ConfigProperty(name = "plexica.kafka.bootstrap-servers", defaultValue = "127.0.0.1:19092")
          String bootstrapServers,
      @ConfigProperty(name = "plexica.kafka.security-protocol", defaultValue = "PLAINTEXT")
          String protocol,
      @ConfigProperty(name = "plexica.kafka.sasl-mechanism", defaultValue = "SCRAM-SHA-512")
          String mechanism,
      @ConfigProperty(name = "plexica.kafka.user") Optional<String> user,
      @ConfigProperty(name = "plexica.kafka.password") Optional<String> password,
      @ConfigProperty(name = "plexica.kafka.truststore") Optional<String> truststore,
      @ConfigProperty(name = "plexica.kafka.truststore-password")
          Optional<String> truststorePassword) {
    // An empty setting is an absent one (MicroProfile Config reads "" as missing).
    return KafkaSettings.of(
        bootstrapServers,
        protocol,
        mechanism,
        user.orElse(""),
        password.orElse(""),
        truststore.orElse(""),
        truststorePassword.orElse(""));
  }
}
