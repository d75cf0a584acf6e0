package io.plexica.storage.app;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** S3-compatible object storage: buckets of objects named by keys. */
public interface ObjectStorage {

  /** An object as a listing shows it. */
  record StoredObject(String key, long size, Instant lastModified) {}

  /** Creates the bucket; nothing happens when this platform created it already. */
  void createBucket(String bucket);

  /** Deletes the bucket with every object in it; nothing happens when it does not exist. */
  void deleteBucket(String bucket);

  boolean bucketExists(String bucket);

  void put(String bucket, String key, String contentType, byte[] content);

  /** Streams {@code length} bytes into an object, without holding them in memory. */
  void put(String bucket, String key, String contentType, InputStream content, long length);

  /** The object's bytes, or empty when there is no such object. */
  Optional<byte[]> get(String bucket, String key);

  /** The objects whose keys start with {@code prefix}, in key order. */
  List<StoredObject> list(String bucket, String prefix);

  /** Deletes one object; nothing happens when it does not exist. */
  void delete(String bucket, String key);

  /** Deletes every object whose key starts with {@code prefix}. */
  void deletePrefix(String bucket, String prefix);

  /**
   * A URL that downloads the object without credentials until {@code validity} has passed, saved
   * under {@code fileName}.
   */
  URI downloadUrl(String bucket, String key, String fileName, Duration validity);

  /** Whether the storage answers at all (for readiness). */
  boolean reachable();
}
