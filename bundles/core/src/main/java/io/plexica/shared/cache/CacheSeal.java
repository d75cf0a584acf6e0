package io.plexica.shared.cache;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a security decision kept in Redis (a user's permissions, a workspace membership) with an
 * HMAC-SHA256 under a secret only the platform holds, bound to the key it is stored under and to an
 * expiry. Someone who can write to Redis can then neither forge an entry, nor move one to another
 * key (another tenant, user or workspace), nor replay one past its expiry; what is not sealed
 * correctly is treated as missing and loaded from the database again.
 *
 * <p>Sealed form: {@code <expiry epoch seconds>.<base64url MAC>.<value>}.
 */
public final class CacheSeal {
  private static final String ALGORITHM = "HmacSHA256";

  /** A secret shorter than this is guessable; HMAC-SHA256 wants at least 256 bits. */
  public static final int MIN_SECRET_BYTES = 32;

  private final SecretKeySpec key;

  /**
   * A Mac per thread, made once: every cache look-up of a request opens a seal, and a provider
   * look-up per call would cost more than the HMAC itself.
   */
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

  public CacheSeal(String secret) {
    byte[] bytes = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
    if (bytes.length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException(
          "The cache secret must be at least " + MIN_SECRET_BYTES + " bytes long");
    }
    this.key = new SecretKeySpec(bytes, ALGORITHM);
  }

  public String seal(String redisKey, String value, Instant expiry) {
    long until = expiry.getEpochSecond();
    return until + "." + mac(redisKey, until, value) + "." + value;
  }

  /** The value, when it was sealed by this platform for this key and has not expired. */
  public Optional<String> open(String redisKey, String sealed, Instant now) {
    if (sealed == null) {
      return Optional.empty();
    }
    int first = sealed.indexOf('.');
    int second = first < 0 ? -1 : sealed.indexOf('.', first + 1);
    if (second < 0) {
      return Optional.empty();
    }
    long until;
    try {
      until = Long.parseLong(sealed.substring(0, first));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    String value = sealed.substring(second + 1);
    byte[] expected = mac(redisKey, until, value).getBytes(StandardCharsets.US_ASCII);
    byte[] given = sealed.substring(first + 1, second).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, given) || until < now.getEpochSecond()) {
      return Optional.empty();
    }
    return Optional.of(value);
  }

  private String mac(String redisKey, long until, String value) {
    Mac mac = macs.get();
    mac.update(redisKey.getBytes(StandardCharsets.UTF_8));
    mac.update((byte) 0);
    mac.update(Long.toString(until).getBytes(StandardCharsets.US_ASCII));
    mac.update((byte) 0);
    // doFinal also resets the Mac for the thread's next use.
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java runtime", e);
    }
  }
}
