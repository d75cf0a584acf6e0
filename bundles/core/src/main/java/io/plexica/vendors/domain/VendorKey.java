package io.plexica.vendors.domain;

import io.plexica.shared.security.Certificates;
import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * A certificate a vendor registered: bundles signed with its key are the vendor's. Identified by
 * the SHA-256 {@code fingerprint} of the certificate, as {@code keytool -list} prints it.
 */
public record VendorKey(
    String vendorId,
    String fingerprint,
    String subject,
    Instant notAfter,
    String certificatePem,
    Instant addedAt) {

  public X509Certificate certificate() {
    return Certificates.fromPem(certificatePem);
  }
}
