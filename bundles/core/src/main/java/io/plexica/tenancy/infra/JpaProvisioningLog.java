package io.plexica.tenancy.infra;

import io.plexica.shared.persistence.Database;
import io.plexica.tenancy.domain.ProvisioningLog;
import io.plexica.tenancy.domain.ProvisioningStepRecord;
import io.plexica.tenancy.domain.ProvisioningStepRecord.Compensation;
import io.plexica.tenancy.domain.ProvisioningStepRecord.Status;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The provisioning log in {@code plexica_core.provisioning_step}; every call commits at once. */
@ApplicationScoped
public class JpaProvisioningLog implements ProvisioningLog {
  private Database database;

  protected JpaProvisioningLog() {}

  @Inject
  public JpaProvisioningLog(Database database) {
    this.database = database;
  }

  @Override
  public int nextAttempt(UUID tenantId) {
    return latestAttempt(tenantId) + 1;
  }

  @Override
  public int latestAttempt(UUID tenantId) {
    Integer latest =
        database.inCore(
            em ->
                em.createQuery(
                        "SELECT MAX(s.attempt) FROM ProvisioningStepRecord s"
                            + " WHERE s.tenantId = :tenant",
                        Integer.class)
                    .setParameter("tenant", tenantId)
                    .getSingleResult());
    return latest == null ? 0 : latest;
  }

  @Override
  public UUID started(UUID tenantId, int attempt, int position, String step, Instant at) {
    var record = new ProvisioningStepRecord(tenantId, attempt, position, step, at);
    database.inCoreDo(em -> em.persist(record));
    return record.id();
  }

  @Override
  public void finished(UUID recordId, Status outcome, String error, Instant at) {
    database.inCoreDo(
        em -> em.find(ProvisioningStepRecord.class, recordId).finish(outcome, error, at));
  }

  @Override
  public void compensated(UUID recordId, Compensation outcome, String error) {
    database.inCoreDo(
        em -> em.find(ProvisioningStepRecord.class, recordId).compensated(outcome, error));
  }

  @Override
  public List<ProvisioningStepRecord> steps(UUID tenantId, int attempt) {
    return database.readCore(
        em ->
            em.createQuery(
                    "SELECT s FROM ProvisioningStepRecord s WHERE s.tenantId = :tenant"
                        + " AND s.attempt = :attempt ORDER BY s.position",
                    ProvisioningStepRecord.class)
                .setParameter("tenant", tenantId)
                .setParameter("attempt", attempt)
                .getResultList());
  }
}
