package io.plexica.tenancy.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * One step of one provisioning attempt, written as it happens so that the console can show progress
 * and an operator can see which step failed and whether its undo worked.
 */
@Entity
@Table(name = "provisioning_step", schema = "plexica_core")
public class ProvisioningStepRecord {

  /** How the step itself went. */
  public enum Status {
    RUNNING,
    DONE,
    FAILED
  }

  /** How undoing it went, once an attempt failed; {@code null} while nothing was undone. */
  public enum Compensation {
    COMPENSATED,
    COMPENSATION_FAILED
  }

  @Id private UUID id;

  @Column(name = "tenant_id", nullable = false)
  private UUID tenantId;

  @Column(nullable = false)
  private int attempt;

  @Column(nullable = false)
  private int position;

  @Column(nullable = false, length = 64)
  private String step;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Status status;

  @Enumerated(EnumType.STRING)
  @Column(length = 24)
  private Compensation compensation;

  @Column(name = "started_at", nullable = false)
  private Instant startedAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  @Column private String error;

  protected ProvisioningStepRecord() {}

  public ProvisioningStepRecord(
      UUID tenantId, int attempt, int position, String step, Instant startedAt) {
    this.id = UUID.randomUUID();
    this.tenantId = tenantId;
    this.attempt = attempt;
    this.position = position;
    this.step = step;
    this.status = Status.RUNNING;
    this.startedAt = startedAt.truncatedTo(ChronoUnit.MICROS);
  }

  public void finish(Status outcome, String failure, Instant now) {
    status = outcome;
    error = failure;
    finishedAt = now.truncatedTo(ChronoUnit.MICROS);
  }

  public void compensated(Compensation outcome, String failure) {
    compensation = outcome;
    if (failure != null) {
      error = error == null ? failure : error + "; undo failed: " + failure;
    }
  }

  public UUID id() {
    return id;
  }

  public UUID tenantId() {
    return tenantId;
  }

  public int attempt() {
    return attempt;
  }

  public int position() {
    return position;
  }

  public String step() {
    return step;
  }

  public Status status() {
    return status;
  }

  public Compensation compensation() {
    return compensation;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Instant finishedAt() {
    return finishedAt;
  }

  public String error() {
    return error;
  }
}
