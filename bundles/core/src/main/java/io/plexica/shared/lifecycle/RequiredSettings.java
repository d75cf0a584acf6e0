package io.plexica.shared.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Outside dev mode, the platform refuses to start while any secret is unset or still its
 * development value, or while a setting whose default only fits the developer's machine (a service
 * on 127.0.0.1, no mail server, no public address) is unset, and names every one of them at once: a
 * production platform never runs on a password that is in this repository, nor looks for its
 * services on loopback addresses by accident.
 */
@ApplicationScoped
public class RequiredSettings {
  /** Secrets with no default outside dev mode, and the development values they must not keep. */
  static final Map<String, List<String>> SECRETS =
      Map.of(
          "plexica.db.password", List.of("plexica"),
          "plexica.keycloak.client-secret", List.of(),
          "plexica.identity.platform-admin-password", List.of("admin"),
          "plexica.redis.password", List.of(),
          "plexica.cache.secret", List.of(),
          "plexica.plugins.db-secret", List.of(),
          "plexica.storage.access-key", List.of("plexica"),
          "plexica.storage.secret-key", List.of("plexica-dev-secret"),
          "plexica.metrics.password", List.of(),
          "plexica.keystore.password", List.of());

  /** Settings whose defaults name the developer's machine: outside dev mode they must be set. */
  static final List<String> PLACES =
      List.of(
          "plexica.keycloak.url",
          "plexica.redis.host",
          "plexica.kafka.bootstrap-servers",
          "plexica.storage.endpoint",
          "plexica.mail.smtp.host",
          "plexica.mail.from",
          "plexica.web.public-url",
          "plexica.identity.web-redirect-uris",
          "plexica.identity.console-redirect-uris");

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    Config config = ConfigProvider.getConfig();
    boolean devMode =
        config.getOptionalValue("plexica.identity.dev-mode", Boolean.class).orElse(false);
    List<String> missing = missing(name -> config.getOptionalValue(name, String.class), devMode);
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "Plexica does not start outside dev mode without these settings (or with their"
              + " development values): "
              + String.join(", ", missing)
              + ". Set them in the environment or as files in the server's variables folder;"
              + " docs/configuration.md lists every setting.");
    }
  }

  /**
   * The unset or development-valued secrets and the unset places, as "ENVIRONMENT_NAME (property)",
   * sorted.
   */
  static List<String> missing(Function<String, Optional<String>> config, boolean devMode) {
    List<String> missing = new ArrayList<>();
    if (devMode) {
      return missing;
    }
    SECRETS.forEach(
        (name, devValues) -> {
          Optional<String> value = config.apply(name).map(String::strip);
          if (value.isEmpty() || value.get().isEmpty() || devValues.contains(value.get())) {
            missing.add(environmentName(name) + " (" + name + ")");
          }
        });
    PLACES.forEach(
        name -> {
          if (config.apply(name).map(String::strip).filter(v -> !v.isEmpty()).isEmpty()) {
            missing.add(environmentName(name) + " (" + name + ")");
          }
        });
    missing.sort(null);
    return missing;
  }

  private static String environmentName(String property) {
    return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }
}
