package io.plexica.events.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every Kafka client of the platform gets the cluster's TLS and SASL settings. */
class KafkaSettingsTest {

  @Test
  void plaintextByDefault() {
    Properties common = KafkaSettings.of("k:9092", "", "", "", "", "", "").common();
    assertThat(common).containsEntry("bootstrap.servers", "k:9092");
    assertThat(common).containsEntry("security.protocol", "PLAINTEXT");
    assertThat(common).doesNotContainKey("sasl.jaas.config");
  }

  @Test
  void saslOverTlsWithScramAndAPrivateAuthority() {
    KafkaSettings settings =
        KafkaSettings.of(
            "k:9093", "SASL_SSL", "SCRAM-SHA-512", "plexica", "pa\"ss", "/etc/ca.p12", "changeit");

    Properties producer = settings.producer("relay");
    assertThat(producer).containsEntry("security.protocol", "SASL_SSL");
    assertThat(producer).containsEntry("sasl.mechanism", "SCRAM-SHA-512");
    assertThat((String) producer.get("sasl.jaas.config"))
        .isEqualTo(
            "org.apache.kafka.common.security.scram.ScramLoginModule required"
                + " username=\"plexica\" password=\"pa\\\"ss\";");
    assertThat(producer).containsEntry("ssl.truststore.location", "/etc/ca.p12");
    assertThat(settings.toString()).doesNotContain("pa\"ss");
  }

  @Test
  void incompleteOrUnknownSecurityIsRefusedAtStart() {
    assertThatThrownBy(() -> KafkaSettings.of("k", "SASL_SSL", "PLAIN", "", "", "", ""))
        .hasMessageContaining("plexica.kafka.user");
    assertThatThrownBy(() -> KafkaSettings.of("k", "TLS", "", "", "", "", ""))
        .hasMessageContaining("security-protocol");
    assertThatThrownBy(() -> KafkaSettings.of("k", "SASL_PLAINTEXT", "GSSAPI", "u", "p", "", ""))
        .hasMessageContaining("sasl-mechanism");
  }
}
