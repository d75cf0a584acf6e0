package io.plexica.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plexica.shared.lease.LeaseKeeper;
import io.plexica.tenancy.app.ProvisioningRecovery;
import io.plexica.tenancy.app.ProvisioningStep;
import io.plexica.tenancy.app.TenantService;
import io.plexica.tenancy.domain.ProvisioningStepRecord;
import io.plexica.tenancy.domain.ProvisioningStepRecord.Compensation;
import io.plexica.tenancy.domain.Tenant;
import io.plexica.tenancy.domain.TenantName;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.tenancy.domain.TenantSlug;
import io.plexica.tenancy.domain.TenantStatus;
import io.plexica.testing.TestPlatform;
import io.plexica.testing.UsesServices;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Injects a failure into every provisioning step in turn, both before the step did anything and
 * after it did all its work, and checks that nothing of the tenant is left but its FAILED row with
 * the error in its log, and that a retry then provisions it fully.
 */
@UsesServices
class ProvisioningFailureTest {
  private static final int STEP_COUNT = TestPlatform.create().steps.size();

  /** Whether the injected failure comes before or after the step's real work. */
  enum When {
    BEFORE_WORK,
    AFTER_WORK
  }

  static Stream<Arguments> everyStepAndMoment() {
    return IntStream.range(0, STEP_COUNT)
        .boxed()
        .flatMap(step -> Stream.of(When.values()).map(when -> Arguments.of(step, when)));
  }

  @ParameterizedTest(name = "failure at step {0}, {1}")
  @MethodSource("everyStepAndMoment")
  void aFailingStepLeavesNoTraceAndCanBeRetried(int failingStep, When when) {
    var faulty = new Switch();
    TestPlatform platform =
        TestPlatform.withSteps(steps -> withFailure(steps, failingStep, when, faulty));
    String slug = TestPlatform.uniqueSlug("fail" + failingStep);

    Tenant created =
        platform.tenantService.create(
            new TenantSlug(slug), new TenantName("Failing"), TestPlatform.ADMIN, null);

    Tenant failed = platform.tenantService.get(slug);
    assertThat(failed.status()).isEqualTo(TenantStatus.FAILED);
    assertThat(TestPlatform.schemaExists(created.schemaName())).as("schema left behind").isFalse();
    assertThat(platform.storage.bucketExists(created.id())).as("bucket left behind").isFalse();
    List<ProvisioningStepRecord> log = platform.tenantService.provisioning(slug).steps();
    assertThat(log).hasSize(failingStep + 1);
    assertThat(log.get(failingStep).status()).isEqualTo(ProvisioningStepRecord.Status.FAILED);
    assertThat(log.get(failingStep).error()).contains("injected failure");
    assertThat(log)
        .allSatisfy(step -> assertThat(step.compensation()).isEqualTo(Compensation.COMPENSATED));
    assertThat(log.subList(0, failingStep))
        .allSatisfy(
            step -> assertThat(step.status()).isEqualTo(ProvisioningStepRecord.Status.DONE));

    faulty.off = true;
    platform.tenantService.retry(slug);

    Tenant retried = platform.tenantService.get(slug);
    assertThat(retried.status()).isEqualTo(TenantStatus.ACTIVE);
    assertThat(platform.tenantService.provisioning(slug).attempt()).isEqualTo(2);
    assertThat(TestPlatform.tablesOf(created.schemaName())).contains("workspace");
    assertThat(TestPlatform.realms().isEnabled(slug)).isTrue();
    assertThat(platform.storage.bucketExists(retried.id())).as("bucket after retry").isTrue();
    assertThat(platform.workspaces.all(TenantRef.of(retried)))
        .extracting(w -> w.slug())
        .containsExactly("default");
  }

  /**
   * A node dies right after step {@code dyingStep} did its work, before the log says so: the tenant
   * is left PROVISIONING with the step RUNNING. While the dead node's lease lasts nobody touches
   * it; once it expired, another node undoes the interrupted attempt and provisions the tenant
   * fully, and the lease is gone.
   */
  @ParameterizedTest(name = "node dies after the work of step {0}")
  @MethodSource("everyStep")
  void aTenantLeftHalfProvisionedByADeadNodeIsFinishedByAnother(int dyingStep) {
    TestPlatform dying =
        TestPlatform.withSteps(
            steps -> {
              List<ProvisioningStep> decorated = new ArrayList<>(steps);
              decorated.set(
                  dyingStep,
                  new Decorated(steps.get(dyingStep)) {
                    @Override
                    public void execute(TenantRef tenant) {
                      super.execute(tenant);
                      throw new NodeDied();
                    }
                  });
              return decorated;
            });
    TestPlatform survivor = TestPlatform.create();
    var recovery = new ProvisioningRecovery(survivor.tenantService);
    String slug = TestPlatform.uniqueSlug("died" + dyingStep);

    assertThatThrownBy(
            () ->
                dying.tenantService.create(
                    new TenantSlug(slug), new TenantName("Orphan"), TestPlatform.ADMIN, null))
        .isInstanceOf(NodeDied.class);
    Tenant stuck = survivor.tenantService.get(slug);
    assertThat(stuck.status()).isEqualTo(TenantStatus.PROVISIONING);
    String subject = stuck.id().toString();
    assertThat(survivor.leases.subjects(TenantService.PROVISIONING_LEASE)).contains(subject);

    LeaseKeeper.settle(survivor.leases, recovery);
    assertThat(survivor.tenantService.get(slug).status())
        .as("untouched while the dead node's lease lasts")
        .isEqualTo(TenantStatus.PROVISIONING);

    TestPlatform.expireLease(TenantService.PROVISIONING_LEASE, subject);
    LeaseKeeper.settle(survivor.leases, recovery);

    Tenant resumed = survivor.tenantService.get(slug);
    assertThat(resumed.status()).isEqualTo(TenantStatus.ACTIVE);
    assertThat(survivor.tenantService.provisioning(slug).attempt()).isEqualTo(2);
    List<ProvisioningStepRecord> interrupted = survivor.log.steps(resumed.id(), 1);
    assertThat(interrupted).hasSize(dyingStep + 1);
    assertThat(interrupted.get(dyingStep).status())
        .isEqualTo(ProvisioningStepRecord.Status.RUNNING);
    assertThat(interrupted)
        .allSatisfy(step -> assertThat(step.compensation()).isEqualTo(Compensation.COMPENSATED));
    assertThat(TestPlatform.tablesOf(resumed.schemaName())).contains("workspace");
    assertThat(TestPlatform.realms().isEnabled(slug)).isTrue();
    assertThat(survivor.storage.bucketExists(resumed.id())).isTrue();
    assertThat(survivor.workspaces.all(TenantRef.of(resumed)))
        .extracting(w -> w.slug())
        .containsExactly("default");
    assertThat(survivor.leases.subjects(TenantService.PROVISIONING_LEASE)).doesNotContain(subject);
  }

  static IntStream everyStep() {
    return IntStream.range(0, STEP_COUNT);
  }

  /** What a node's death looks like from inside its thread: nothing after it runs or undoes. */
  private static final class NodeDied extends Error {
    private static final long serialVersionUID = 1L;
  }

  @Test
  void aTenantDeletedWhileProvisioningIsUndoneInsteadOfActivated() {
    var platform = TestPlatform.create();
    String slug = TestPlatform.uniqueSlug("vanish");
    TestPlatform racing =
        TestPlatform.withSteps(
            original -> {
              List<ProvisioningStep> decorated = new ArrayList<>(original);
              ProvisioningStep last = decorated.get(decorated.size() - 1);
              decorated.set(
                  decorated.size() - 1,
                  new Decorated(last) {
                    @Override
                    public void execute(TenantRef tenant) {
                      super.execute(tenant);
                      // Another request marks the tenant FAILED meanwhile: activation must refuse.
                      platform.tenants.update(
                          tenant.id(), t -> t.moveTo(TenantStatus.FAILED, Instant.now()));
                    }
                  });
              return decorated;
            });

    Tenant tenant =
        racing.tenantService.create(
            new TenantSlug(slug), new TenantName("Gone"), TestPlatform.ADMIN, null);

    assertThat(racing.tenantService.get(slug).status()).isEqualTo(TenantStatus.FAILED);
    assertThat(TestPlatform.schemaExists(tenant.schemaName())).isFalse();
    assertThat(TestPlatform.realms().exists(slug)).isFalse();
  }

  private static List<ProvisioningStep> withFailure(
      List<ProvisioningStep> steps, int index, When when, Switch faulty) {
    List<ProvisioningStep> decorated = new ArrayList<>(steps);
    decorated.set(
        index,
        new Decorated(steps.get(index)) {
          @Override
          public void execute(TenantRef tenant) {
            if (!faulty.off && when == When.BEFORE_WORK) {
              throw new IllegalStateException("injected failure before " + name());
            }
            super.execute(tenant);
            if (!faulty.off && when == When.AFTER_WORK) {
              throw new IllegalStateException("injected failure after " + name());
            }
          }
        });
    return decorated;
  }

  private static final class Switch {
    volatile boolean off;
  }

  /** Passes everything to the real step; subclasses add failures around it. */
  private static class Decorated implements ProvisioningStep {
    private final ProvisioningStep real;

    Decorated(ProvisioningStep real) {
      this.real = real;
    }

    @Override
    public String name() {
      return real.name();
    }

    @Override
    public int order() {
      return real.order();
    }

    @Override
    public void execute(TenantRef tenant) {
      real.execute(tenant);
    }

    @Override
    public void compensate(TenantRef tenant) {
      real.compensate(tenant);
    }
  }
}
