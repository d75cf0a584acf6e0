package io.plexica.workspaces.domain;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Whether a file's first bytes can be what its declared media type says: a PDF starts with {@code
 * %PDF-}, a PNG with its signature, an Office or OpenDocument file is a zip (or, for the old
 * formats, an OLE compound file), text has no NUL byte. Types without a known signature pass; the
 * check refuses what is plainly mislabelled, it does not prove a file well-formed.
 */
public final class FileSignature {
  /** How many leading bytes {@link #fits} needs at most. */
  public static final int HEAD = 16;

  private static final byte[] ZIP = {'P', 'K', 3, 4};
  private static final byte[] EMPTY_ZIP = {'P', 'K', 5, 6};
  private static final byte[] OLE = bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1);

  private static final Map<String, byte[][]> SIGNATURES =
      Map.ofEntries(
          Map.entry("application/pdf", new byte[][] {"%PDF-".getBytes(StandardCharsets.US_ASCII)}),
          Map.entry("image/png", new byte[][] {bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)}),
          Map.entry("image/jpeg", new byte[][] {bytes(0xFF, 0xD8, 0xFF)}),
          Map.entry(
              "image/gif",
              new byte[][] {
                "GIF87a".getBytes(StandardCharsets.US_ASCII),
                "GIF89a".getBytes(StandardCharsets.US_ASCII)
              }),
          Map.entry("application/zip", new byte[][] {ZIP, EMPTY_ZIP}),
          Map.entry("application/msword", new byte[][] {OLE}),
          Map.entry("application/vnd.ms-excel", new byte[][] {OLE}),
          Map.entry("application/vnd.ms-powerpoint", new byte[][] {OLE}));

  private FileSignature() {}

  /**
   * Whether {@code head} (the file's first bytes, up to {@link #HEAD}; fewer if the file is
   * shorter) can begin a file of {@code mediaType}.
   */
  public static boolean fits(String mediaType, byte[] head) {
    if (head.length == 0) {
      return true;
    }
    if (mediaType.startsWith("text/") || mediaType.equals("application/json")) {
      for (byte b : head) {
        if (b == 0) {
          return false;
        }
      }
      return true;
    }
    if (mediaType.equals("image/webp")) {
      return head.length >= 12
          && startsWith(head, "RIFF".getBytes(StandardCharsets.US_ASCII))
          && Arrays.equals(
              Arrays.copyOfRange(head, 8, 12), "WEBP".getBytes(StandardCharsets.US_ASCII));
    }
    if (mediaType.startsWith("application/vnd.openxmlformats-officedocument.")
        || mediaType.startsWith("application/vnd.oasis.opendocument.")) {
      return startsWith(head, ZIP);
    }
    byte[][] signatures = SIGNATURES.get(mediaType);
    if (signatures == null) {
      return true;
    }
    for (byte[] signature : signatures) {
      if (startsWith(head, signature)) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWith(byte[] head, byte[] signature) {
    return head.length >= signature.length
        && Arrays.equals(Arrays.copyOf(head, signature.length), signature);
  }

  private static byte[] bytes(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }
}
