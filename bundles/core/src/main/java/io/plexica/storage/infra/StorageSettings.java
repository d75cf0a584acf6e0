package io.plexica.storage.infra;

/**
 * How the platform reaches its S3-compatible storage. {@code publicEndpoint} is where browsers
 * fetch download links (a CDN or ingress in production); it defaults to {@code endpoint}.
 */
public record StorageSettings(
    String endpoint,
    String publicEndpoint,
    String region,
    String accessKey,
    String secretKey,
    boolean pathStyle,
    String bucketPrefix) {

  /** The development credentials of the S3Proxy that {@code bin/plexica} starts. */
  public static final String DEV_ACCESS_KEY = "plexica";

  public static final String DEV_SECRET_KEY = "plexica-dev-secret";

  /** Settings with the credentials checked: production refuses to start without them. */
  public static StorageSettings of(
      String endpoint,
      String publicEndpoint,
      String region,
      String accessKey,
      String secretKey,
      boolean pathStyle,
      String bucketPrefix,
      boolean devMode) {
    if (!bucketPrefix.matches("[a-z0-9][a-z0-9-]{0,25}")) {
      throw new IllegalStateException(
          "plexica.storage.bucket-prefix must be 1 to 26 lowercase letters, digits or hyphens"
              + " (bucket names are the prefix and a tenant id, at most 63 characters)");
    }
    return new StorageSettings(
        endpoint,
        publicEndpoint == null || publicEndpoint.isBlank() ? endpoint : publicEndpoint,
        region,
        required(accessKey, devMode, DEV_ACCESS_KEY, "plexica.storage.access-key"),
        required(secretKey, devMode, DEV_SECRET_KEY, "plexica.storage.secret-key"),
        pathStyle,
        bucketPrefix);
  }

  private static String required(String value, boolean devMode, String devValue, String name) {
    if (value != null && !value.isBlank()) {
      return value;
    }
    if (devMode) {
      return devValue;
    }
    throw new IllegalStateException(
        name + " is not set; object storage needs credentials outside development mode");
  }

  @Override
  public String toString() {
    return "StorageSettings[" + endpoint + ", bucket prefix " + bucketPrefix + "]";
  }
}
