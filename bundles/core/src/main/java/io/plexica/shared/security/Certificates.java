package io.plexica.shared.security;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;

/** X.509 certificates in PEM, as vendors register the keys they sign bundles with. */
public final class Certificates {
  private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
  private static final String END = "-----END CERTIFICATE-----";

  private Certificates() {}

  /**
   * The one certificate of a PEM text ({@code keytool -exportcert -rfc} writes one).
   *
   * @throws IllegalArgumentException with words for a person when it is not exactly one
   */
  public static X509Certificate fromPem(String pem) {
    String text = pem == null ? "" : pem.strip();
    int begin = text.indexOf(BEGIN);
    int end = text.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException(
          "is not a PEM certificate (-----BEGIN CERTIFICATE----- ... -----END CERTIFICATE-----)");
    }
    if (text.indexOf(BEGIN, end) >= 0) {
      throw new IllegalArgumentException("holds more than one certificate; register one at a time");
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(text.substring(begin + BEGIN.length(), end));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("is not valid base64 between its PEM lines");
    }
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(der));
    } catch (CertificateException | ClassCastException e) {
      throw new IllegalArgumentException("is not an X.509 certificate");
    }
  }

  /** The certificate in PEM, 64 characters a line. */
  public static String toPem(X509Certificate certificate) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(encoded(certificate));
    return BEGIN + "\n" + body + "\n" + END + "\n";
  }

  /** The SHA-256 of the certificate's DER encoding, in lower-case hex: what keytool prints. */
  public static String fingerprint(X509Certificate certificate) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(encoded(certificate)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] encoded(X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException("cannot be encoded", e);
    }
  }
}
