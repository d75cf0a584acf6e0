package io.plexica.health;

import io.plexica.shared.persistence.Database;
import io.plexica.tenancy.app.SchemaUpgrade;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when PostgreSQL answers and the core schema is at the version this build expects. Tenant
 * schemas still behind are upgraded in the background, each before its tenant's next unit of work
 * ({@link SchemaUpgrade}), so they do not hold the platform back; their progress is shown here.
 */
@Readiness
@ApplicationScoped
public class PlatformReadiness extends DetailedCheck {
  @Inject Database database;
  @Inject SchemaUpgrade upgrade;

  @Override
  public HealthCheckResponse detailed() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("database");
    boolean reachable = reachable();
    response
        .withData("reachable", reachable)
        .withData("coreMigrated", upgrade.isCoreDone())
        .withData("tenantSchemasBehind", upgrade.tenantsBehind())
        .withData("tenantSchemasMigrated", upgrade.tenantsMigrated())
        .withData("tenantSchemasFailing", upgrade.tenantsFailing())
        .withData("tenantSchemasUpgradedInBackground", upgrade.isBackgroundDone());
    if (upgrade.lastError() != null && !upgrade.isCoreDone()) {
      response.withData("lastError", upgrade.lastError());
    }
    return response.status(reachable && upgrade.isCoreDone()).build();
  }

  private boolean reachable() {
    try (Connection connection = database.dataSource().getConnection()) {
      return connection.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }
}
