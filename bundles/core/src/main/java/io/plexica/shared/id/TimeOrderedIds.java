package io.plexica.shared.id;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * UUIDs of version 7 (RFC 9562): 48 bits of Unix milliseconds first, so ids sort by creation time,
 * then a counter that keeps ids of the same millisecond in order on this node, then random bits.
 */
public final class TimeOrderedIds {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static long lastMillis;
  private static int sequence;

  private TimeOrderedIds() {}

  public static UUID next() {
    return next(System.currentTimeMillis());
  }

  static synchronized UUID next(long nowMillis) {
    long millis = Math.max(nowMillis, lastMillis);
    if (millis == lastMillis) {
      sequence++;
      if (sequence > 0xFFF) {
        // 4,096 ids in one millisecond: borrow the next one rather than lose the order.
        millis++;
        sequence = RANDOM.nextInt(0x100);
      }
    } else {
      sequence = RANDOM.nextInt(0x100);
    }
    lastMillis = millis;
    long high = (millis << 16) | 0x7000L | sequence;
    long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low);
  }
}
