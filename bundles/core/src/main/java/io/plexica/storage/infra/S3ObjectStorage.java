package io.plexica.storage.infra;

import io.plexica.shared.problem.ProblemException;
import io.plexica.storage.app.ObjectStorage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Object storage on any S3-compatible service (AWS S3, MinIO, S3Proxy in development) through the
 * AWS SDK v2 with path-style addressing. Download links are signed for the public endpoint, which
 * may differ from the one the platform reaches the storage on.
 */
public class S3ObjectStorage implements ObjectStorage, AutoCloseable {
  private static final Logger LOG = Logger.getLogger(S3ObjectStorage.class.getName());

  private final S3Client s3;
  private final S3Presigner presigner;

  public S3ObjectStorage(StorageSettings settings) {
    var credentials =
        StaticCredentialsProvider.create(
            AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
    S3Configuration pathStyle =
        S3Configuration.builder().pathStyleAccessEnabled(settings.pathStyle()).build();
    Region region = Region.of(settings.region());
    this.s3 =
        S3Client.builder()
            .endpointOverride(URI.create(settings.endpoint()))
            .region(region)
            .credentialsProvider(credentials)
            .serviceConfiguration(pathStyle)
            .httpClientBuilder(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(5))
                    .socketTimeout(Duration.ofSeconds(60)))
            .build();
    this.presigner =
        S3Presigner.builder()
            .endpointOverride(URI.create(settings.publicEndpoint()))
            .region(region)
            .credentialsProvider(credentials)
            .serviceConfiguration(pathStyle)
            .build();
  }

  @Override
  public void createBucket(String bucket) {
    try {
      s3.createBucket(b -> b.bucket(bucket));
    } catch (BucketAlreadyOwnedByYouException e) {
      // Created by an earlier attempt of the same step.
    }
  }

  @Override
  public void deleteBucket(String bucket) {
    try {
      deletePrefix(bucket, "");
      s3.deleteBucket(b -> b.bucket(bucket));
    } catch (NoSuchBucketException e) {
      // Nothing to delete.
    }
  }

  @Override
  public boolean bucketExists(String bucket) {
    try {
      s3.headBucket(b -> b.bucket(bucket));
      return true;
    } catch (NoSuchBucketException e) {
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public void put(String bucket, String key, String contentType, byte[] content) {
    s3.putObject(
        b ->
            b.bucket(bucket).key(key).contentType(contentType).contentLength((long) content.length),
        RequestBody.fromBytes(content));
  }

  /**
   * Spools the content to a temporary file first: the SDK signs and, when S3 answers a transient
   * error, retries by reading the body again, which a request's stream cannot do (an upload then
   * failed with "does not support mark/reset" instead of being retried).
   */
  @Override
  public void put(String bucket, String key, String contentType, InputStream content, long length) {
    Path spool = null;
    try {
      spool = Files.createTempFile("plexica-upload-", ".part");
      long copied = Files.copy(content, spool, StandardCopyOption.REPLACE_EXISTING);
      if (copied != length) {
        throw ProblemException.invalid(
            "file", "announced " + length + " bytes but carried " + copied + "; send it again");
      }
      s3.putObject(
          b -> b.bucket(bucket).key(key).contentType(contentType).contentLength(length),
          RequestBody.fromFile(spool));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not spool an upload for " + key, e);
    } finally {
      if (spool != null) {
        try {
          Files.deleteIfExists(spool);
        } catch (IOException e) {
          LOG.log(Level.WARNING, "Could not delete the spooled upload " + spool, e);
        }
      }
    }
  }

  @Override
  public Optional<byte[]> get(String bucket, String key) {
    try {
      return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    }
  }

  @Override
  public List<StoredObject> list(String bucket, String prefix) {
    List<StoredObject> objects = new ArrayList<>();
    for (S3Object object : listAll(bucket, prefix)) {
      objects.add(new StoredObject(object.key(), object.size(), object.lastModified()));
    }
    return objects;
  }

  private Iterable<S3Object> listAll(String bucket, String prefix) {
    return s3.listObjectsV2Paginator(
            ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).build())
        .contents();
  }

  @Override
  public void delete(String bucket, String key) {
    s3.deleteObject(b -> b.bucket(bucket).key(key));
  }

  @Override
  public void deletePrefix(String bucket, String prefix) {
    List<ObjectIdentifier> batch = new ArrayList<>();
    for (S3Object object : listAll(bucket, prefix)) {
      batch.add(ObjectIdentifier.builder().key(object.key()).build());
      if (batch.size() == 1000) {
        deleteBatch(bucket, batch);
      }
    }
    if (!batch.isEmpty()) {
      deleteBatch(bucket, batch);
    }
  }

  private void deleteBatch(String bucket, List<ObjectIdentifier> batch) {
    Delete delete = Delete.builder().objects(List.copyOf(batch)).quiet(true).build();
    s3.deleteObjects(b -> b.bucket(bucket).delete(delete));
    batch.clear();
  }

  @Override
  public URI downloadUrl(String bucket, String key, String fileName, Duration validity) {
    String disposition =
        "attachment; filename*=UTF-8''"
            + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    try {
      return presigner
          .presignGetObject(
              p ->
                  p.signatureDuration(validity)
                      .getObjectRequest(
                          g -> g.bucket(bucket).key(key).responseContentDisposition(disposition)))
          .url()
          .toURI();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException("The SDK signed a malformed URL", e);
    }
  }

  /**
   * Asks for a bucket that never exists: "no such bucket" proves the storage answers and accepts
   * the credentials, at the cost of one small request (listing buckets grows with the tenants).
   */
  @Override
  public boolean reachable() {
    try {
      s3.headBucket(b -> b.bucket("plexica-readiness-probe"));
      return true;
    } catch (NoSuchBucketException e) {
      return true;
    } catch (S3Exception e) {
      return e.statusCode() == 404;
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() {
    presigner.close();
    s3.close();
  }
}
