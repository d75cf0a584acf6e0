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

/** Ready when PostgreSQL answers and every schema is at the version this build expects. */
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
        .withData("tenantSchemas", upgrade.tenantsTotal())
        .withData("tenantSchemasMigrated", upgrade.tenantsMigrated())
        .withData("tenantSchemasFailed", upgrade.tenantsFailed());
    if (upgrade.lastError() != null && !upgrade.isComplete()) {
      response.withData("lastError", upgrade.lastError());
    }
    return response.status(reachable && upgrade.isComplete()).build();
  }

  private boolean reachable() {
    try (Connection connection = database.dataSource().getConnection()) {
      return connection.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }
}
