package io.plexica.storage.app;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Each tenant's own bucket, named after the tenant's id (never its slug, which a purged tenant
 * frees for another): no key of one tenant can name an object of another's bucket.
 */
public class TenantStorage {
  /** How long a download link works. */
  public static final Duration DOWNLOAD_VALIDITY = Duration.ofMinutes(5);

  private final ObjectStorage storage;
  private final String bucketPrefix;

  public TenantStorage(ObjectStorage storage, String bucketPrefix) {
    this.storage = storage;
    this.bucketPrefix = bucketPrefix;
  }

  public String bucketOf(UUID tenantId) {
    return bucketPrefix + tenantId;
  }

  public void createBucket(UUID tenantId) {
    storage.createBucket(bucketOf(tenantId));
  }

  public void deleteBucket(UUID tenantId) {
    storage.deleteBucket(bucketOf(tenantId));
  }

  public boolean bucketExists(UUID tenantId) {
    return storage.bucketExists(bucketOf(tenantId));
  }

  public void put(UUID tenantId, String key, String contentType, byte[] content) {
    storage.put(bucketOf(tenantId), key, contentType, content);
  }

  public void put(UUID tenantId, String key, String contentType, InputStream content, long length) {
    storage.put(bucketOf(tenantId), key, contentType, content, length);
  }

  public Optional<byte[]> get(UUID tenantId, String key) {
    return storage.get(bucketOf(tenantId), key);
  }

  public List<ObjectStorage.StoredObject> list(UUID tenantId, String prefix) {
    return storage.list(bucketOf(tenantId), prefix);
  }

  public void delete(UUID tenantId, String key) {
    storage.delete(bucketOf(tenantId), key);
  }

  public void deletePrefix(UUID tenantId, String prefix) {
    storage.deletePrefix(bucketOf(tenantId), prefix);
  }

  public URI downloadUrl(UUID tenantId, String key, String fileName) {
    return storage.downloadUrl(bucketOf(tenantId), key, fileName, DOWNLOAD_VALIDITY);
  }

  public boolean reachable() {
    return storage.reachable();
  }
}
