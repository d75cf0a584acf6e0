package io.plexica.storage.infra;

import io.plexica.storage.app.ObjectStorage;
import io.plexica.storage.app.TenantStorage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Wires object storage from configuration ({@code PLEXICA_STORAGE_*} in the environment). */
@ApplicationScoped
public class StorageBeans {

  @Produces
  @Singleton
  StorageSettings settings(
      @ConfigProperty(name = "plexica.storage.endpoint", defaultValue = "http://127.0.0.1:18333")
          String endpoint,
      @ConfigProperty(name = "plexica.storage.public-endpoint") Optional<String> publicEndpoint,
      @ConfigProperty(name = "plexica.storage.region", defaultValue = "us-east-1") String region,
      @ConfigProperty(name = "plexica.storage.access-key") Optional<String> accessKey,
      @ConfigProperty(name = "plexica.storage.secret-key") Optional<String> secretKey,
      @ConfigProperty(name = "plexica.storage.path-style", defaultValue = "true") boolean pathStyle,
      @ConfigProperty(name = "plexica.storage.bucket-prefix", defaultValue = "plexica-")
          String bucketPrefix,
      @ConfigProperty(name = "plexica.identity.dev-mode", defaultValue = "false") boolean devMode) {
    return StorageSettings.of(
        endpoint,
        publicEndpoint.orElse(null),
        region,
        accessKey.orElse(null),
        secretKey.orElse(null),
        pathStyle,
        bucketPrefix,
        devMode);
  }

  @Produces
  @Singleton
  ObjectStorage objectStorage(StorageSettings settings) {
    return new S3ObjectStorage(settings);
  }

  @Produces
  @Singleton
  TenantStorage tenantStorage(ObjectStorage storage, StorageSettings settings) {
    return new TenantStorage(storage, settings.bucketPrefix());
  }

  void close(@Disposes ObjectStorage storage) {
    if (storage instanceof S3ObjectStorage s3) {
      s3.close();
    }
  }
}
