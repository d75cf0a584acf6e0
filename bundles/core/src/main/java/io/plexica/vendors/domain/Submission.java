package io.plexica.vendors.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A version of a plugin a vendor uploaded, signed, that passed the automated checks: it waits for a
 * platform administrator ({@link Status#PENDING}), who approves it (deployed, then installable by
 * tenants) or rejects it with a reason; the vendor may withdraw it while it waits.
 */
public record Submission(
    UUID id,
    String vendorId,
    String pluginId,
    String version,
    String name,
    String manifestJson,
    String sha256,
    String signer,
    int sizeBytes,
    Status status,
    Optional<String> reason,
    Instant submittedAt,
    Optional<Instant> decidedAt,
    Optional<String> decidedBy) {

  public enum Status {
    PENDING,
    APPROVED,
    REJECTED,
    WITHDRAWN
  }

  public static final int MAX_REASON = 2000;
}
