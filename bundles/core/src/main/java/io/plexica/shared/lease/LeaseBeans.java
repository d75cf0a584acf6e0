package io.plexica.shared.lease;

import io.plexica.shared.persistence.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This node's leases, named after its host and process, lasting {@code plexica.leases.ttl-seconds}
 * (how long work a dead node left stays untouched before another node takes it over).
 */
@ApplicationScoped
public class LeaseBeans {

  @Produces
  @Singleton
  WorkLeases leases(
      Database database,
      @ConfigProperty(name = "plexica.leases.ttl-seconds", defaultValue = "30") int ttlSeconds) {
    return new WorkLeases(database, nodeName(), Duration.ofSeconds(ttlSeconds));
  }

  /**
   * Host (the pod's name on Kubernetes) and process id, plus a random part: a restarted process, or
   * a second server on the same host, is another holder.
   */
  static String nodeName() {
    String host = Optional.ofNullable(System.getenv("HOSTNAME")).orElse("node");
    return host
        + "/"
        + ProcessHandle.current().pid()
        + "/"
        + UUID.randomUUID().toString().substring(0, 8);
  }
}
