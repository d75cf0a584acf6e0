package io.plexica.tenancy.app;

import io.plexica.shared.hooks.ExtensionPoints;
import io.plexica.tenancy.domain.ProvisioningLog;
import io.plexica.tenancy.domain.ProvisioningStepRecord;
import io.plexica.tenancy.domain.ProvisioningStepRecord.Compensation;
import io.plexica.tenancy.domain.ProvisioningStepRecord.Status;
import io.plexica.tenancy.domain.Tenant;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.tenancy.domain.TenantRepository;
import io.plexica.tenancy.domain.TenantStatus;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Provisions a tenant as a saga: the steps run in order and each is logged as it starts and ends.
 * When one fails, the finished steps and the failed one are compensated in reverse order and the
 * tenant ends {@code FAILED}, so a failure leaves no schema, realm or row of its own behind and a
 * retry starts from a clean slate.
 */
public class ProvisioningSaga {
  private static final Logger LOG = Logger.getLogger(ProvisioningSaga.class.getName());
  private static final int MAX_ERROR_LENGTH = 2000;

  private final List<ProvisioningStep> steps;
  private final TenantRepository tenants;
  private final ProvisioningLog log;
  private final Clock clock;
  private final ExtensionPoints extensions;

  public ProvisioningSaga(
      List<ProvisioningStep> steps, TenantRepository tenants, ProvisioningLog log, Clock clock) {
    this(steps, tenants, log, clock, ExtensionPoints.NONE);
  }

  /** Announces {@code tenant.created} to plugins when a tenant ends {@code ACTIVE}. */
  public ProvisioningSaga(
      List<ProvisioningStep> steps,
      TenantRepository tenants,
      ProvisioningLog log,
      Clock clock,
      ExtensionPoints extensions) {
    this.steps = steps.stream().sorted(Comparator.comparingInt(ProvisioningStep::order)).toList();
    this.tenants = tenants;
    this.log = log;
    this.clock = clock;
    this.extensions = extensions;
  }

  public List<String> stepNames() {
    return steps.stream().map(ProvisioningStep::name).toList();
  }

  /** Runs one attempt; returns whether the tenant ended {@code ACTIVE}. */
  public boolean run(TenantRef tenant, int attempt) {
    return run(tenant, attempt, () -> true);
  }

  /**
   * Runs one attempt while {@code owned} holds (this node still holds the work's lease): once it no
   * longer does, another node has taken the tenant over, and this attempt stops where it is without
   * undoing anything, since undoing is now the other node's work.
   */
  public boolean run(TenantRef tenant, int attempt, BooleanSupplier owned) {
    Deque<Ran> ran = new ArrayDeque<>();
    for (int position = 0; position < steps.size(); position++) {
      ProvisioningStep step = steps.get(position);
      if (!owned.getAsBoolean()) {
        return lostLease(tenant);
      }
      UUID record = log.started(tenant.id(), attempt, position, step.name(), clock.instant());
      ran.push(new Ran(step, record));
      try {
        step.execute(tenant);
        log.finished(record, Status.DONE, null, clock.instant());
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING,
            "Provisioning of tenant " + tenant.slug() + " failed at step " + step.name(),
            e);
        log.finished(record, Status.FAILED, describe(e), clock.instant());
        fail(tenant, ran);
        return false;
      }
    }
    if (!owned.getAsBoolean()) {
      return lostLease(tenant);
    }
    try {
      Tenant active =
          tenants.update(
              tenant.id(),
              t -> t.moveTo(TenantStatus.ACTIVE, clock.instant()),
              TenantEvents.event("created"));
      extensions.announce(
          ExtensionPoints.Event.of(
              "tenant.created",
              tenant.id(),
              tenant.slug(),
              Map.of(
                  "tenantId",
                  tenant.id().toString(),
                  "slug",
                  tenant.slug(),
                  "name",
                  active.name())));
      return true;
    } catch (RuntimeException e) {
      // Deleted or changed while provisioning: undo, so that nothing is left without an owner.
      LOG.log(Level.WARNING, "Tenant " + tenant.slug() + " could not be activated", e);
      fail(tenant, ran);
      return false;
    }
  }

  /**
   * Takes over a provisioning that a node left half-done when it died: every step of its latest
   * attempt that started and was not undone is undone, latest first (a step interrupted half-way is
   * undone like a finished one: compensations remove whatever part of their work exists), and a new
   * attempt runs from a clean slate.
   */
  public boolean resume(TenantRef tenant, BooleanSupplier owned) {
    int last = log.latestAttempt(tenant.id());
    if (last > 0) {
      List<ProvisioningStepRecord> left = new ArrayList<>(log.steps(tenant.id(), last));
      Collections.reverse(left);
      for (ProvisioningStepRecord record : left) {
        if (record.compensation() == null) {
          undo(tenant, record);
        }
      }
    }
    return run(tenant, last + 1, owned);
  }

  private boolean lostLease(TenantRef tenant) {
    LOG.warning(
        "Provisioning of tenant "
            + tenant.slug()
            + " stops here: another node took it over after this one lost its lease");
    return false;
  }

  private void undo(TenantRef tenant, ProvisioningStepRecord record) {
    steps.stream()
        .filter(step -> step.name().equals(record.step()))
        .findFirst()
        .ifPresentOrElse(
            step -> undo(tenant, step, record.id()),
            () ->
                log.compensated(
                    record.id(),
                    Compensation.COMPENSATION_FAILED,
                    "This version of the platform has no step " + record.step() + " to undo"));
  }

  private void fail(TenantRef tenant, Deque<Ran> ran) {
    while (!ran.isEmpty()) {
      Ran done = ran.pop();
      undo(tenant, done.step(), done.record());
    }
    tenants.update(
        tenant.id(),
        t -> {
          if (t.status() == TenantStatus.PROVISIONING) {
            t.moveTo(TenantStatus.FAILED, clock.instant());
          }
        });
  }

  private void undo(TenantRef tenant, ProvisioningStep step, UUID record) {
    try {
      step.compensate(tenant);
      log.compensated(record, Compensation.COMPENSATED, null);
    } catch (RuntimeException e) {
      LOG.log(
          Level.SEVERE,
          "Undoing step " + step.name() + " of tenant " + tenant.slug() + " failed",
          e);
      log.compensated(record, Compensation.COMPENSATION_FAILED, describe(e));
    }
  }

  /** What the log keeps of a failure: its message, never a stack trace. */
  static String describe(Throwable failure) {
    String message = failure.getMessage();
    String text =
        failure.getClass().getSimpleName()
            + (message == null || message.isBlank() ? "" : ": " + message);
    return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
  }

  private record Ran(ProvisioningStep step, UUID record) {}
}
