package io.plexica.tenancy.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The durable, step-by-step record of provisioning attempts. Each call commits at once. */
public interface ProvisioningLog {

  /** The number of the next attempt for this tenant, starting at 1. */
  int nextAttempt(UUID tenantId);

  /** The latest attempt, or 0 when there was none. */
  int latestAttempt(UUID tenantId);

  UUID started(UUID tenantId, int attempt, int position, String step, Instant at);

  void finished(UUID recordId, ProvisioningStepRecord.Status outcome, String error, Instant at);

  void compensated(UUID recordId, ProvisioningStepRecord.Compensation outcome, String error);

  List<ProvisioningStepRecord> steps(UUID tenantId, int attempt);
}
