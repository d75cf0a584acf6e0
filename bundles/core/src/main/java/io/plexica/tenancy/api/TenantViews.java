package io.plexica.tenancy.api;

import io.plexica.shared.json.JsonText;
import io.plexica.shared.placement.SchemaAddress;
import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.problem.Validation;
import io.plexica.shared.web.CheckedBody;
import io.plexica.tenancy.app.TenantService.ProvisioningReport;
import io.plexica.tenancy.domain.EmailAddress;
import io.plexica.tenancy.domain.IdentityHome;
import io.plexica.tenancy.domain.ProvisioningStepRecord;
import io.plexica.tenancy.domain.Tenant;
import io.plexica.tenancy.domain.TenantName;
import io.plexica.tenancy.domain.TenantPage;
import io.plexica.tenancy.domain.TenantSlug;
import io.plexica.tenancy.domain.TenantStatus;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON shapes of the tenant API. */
public final class TenantViews {
  private TenantViews() {}

  @Schema(name = "CreateTenant", description = "A new tenant")
  public record CreateTenantRequest(
      @Schema(
              required = true,
              example = "acme",
              pattern = "^[a-z][a-z0-9-]{1,61}[a-z0-9]$",
              description = "Unique, URL-safe; names the tenant's schema, realm and bucket")
          String slug,
      @Schema(required = true, example = "Acme Corporation", maxLength = 200) String name,
      @Schema(
              required = true,
              example = "ada@acme.example",
              description = "The first tenant administrator, created in the tenant's realm")
          String adminEmail,
      @Schema(
              description = "Free-form JSON object of tenant settings",
              example = "{\"locale\":\"en\"}")
          JsonObject settings,
      @Schema(
              nullable = true,
              enumeration = {"REALM", "ORGANIZATION"},
              description =
                  "Where the tenant's people live: REALM, a Keycloak realm of its own (its own"
                      + " identity providers, theme and password policy), or ORGANIZATION, an"
                      + " organization in a realm shared with other tenants (light: thousands fit"
                      + " on one Keycloak). Left out, the platform's policy decides"
                      + " (PLEXICA_TENANCY_IDENTITY_HOME).")
          String identityHome,
      @Schema(
              nullable = true,
              maxLength = 30,
              example = "main",
              description =
                  "The PostgreSQL cluster to hold the tenant's schema, one of those the platform"
                      + " is configured with (PLEXICA_DB_CLUSTERS; \"main\" holds the platform's"
                      + " own data). Left out, the platform's default"
                      + " (PLEXICA_TENANCY_DATABASE_CLUSTER).")
          String databaseCluster)
      implements CheckedBody<NewTenant> {
    @Override
    public NewTenant value(Validation validation) {
      return new NewTenant(
          validation.check(() -> new TenantSlug(slug)),
          validation.check(() -> new TenantName(name)),
          validation.check(() -> new EmailAddress(adminEmail)),
          settings,
          identityHome == null
              ? Optional.empty()
              : Optional.ofNullable(validation.check(() -> kind(identityHome))),
          databaseCluster == null
              ? Optional.empty()
              : Optional.ofNullable(validation.check(() -> cluster(databaseCluster))));
    }

    private static String cluster(String text) {
      if (!SchemaAddress.isClusterId(text)) {
        throw ProblemException.invalid(
            "databaseCluster",
            "must be a cluster id: lower-case letters, digits and dashes, 30 at most");
      }
      return text;
    }

    private static IdentityHome.Kind kind(String text) {
      for (IdentityHome.Kind kind : IdentityHome.Kind.values()) {
        if (kind.name().equals(text)) {
          return kind;
        }
      }
      throw ProblemException.invalid("identityHome", "must be REALM or ORGANIZATION");
    }
  }

  /** A tenant to create, its parts valid. */
  record NewTenant(
      TenantSlug slug,
      TenantName name,
      EmailAddress adminEmail,
      JsonObject settings,
      Optional<IdentityHome.Kind> identityHome,
      Optional<String> databaseCluster) {}

  /** Where a tenant lives, as the console shows it. */
  @Schema(name = "TenantPlacement")
  public record PlacementView(
      @Schema(
              enumeration = {"REALM", "ORGANIZATION"},
              description = "REALM: a realm of its own; ORGANIZATION: in a shared realm")
          String identityHome,
      @Schema(description = "The Keycloak realm that issues the tenant's tokens", example = "acme")
          String realm,
      @Schema(
              nullable = true,
              description = "The tenant's organization in the shared realm, once made")
          String organizationId,
      @Schema(description = "The PostgreSQL cluster holding the tenant's schema", example = "main")
          String databaseCluster,
      @Schema(description = "PostgreSQL schema holding the tenant's data", example = "tenant_acme")
          String schema,
      @Schema(description = "The tenant migrations the schema has reached") int schemaVersion) {

    static PlacementView of(Tenant tenant) {
      IdentityHome home = tenant.identityHome();
      return new PlacementView(
          home.kind().name(),
          home.realm(),
          home.organization(),
          tenant.database().cluster(),
          tenant.schemaName(),
          tenant.schemaVersion());
    }
  }

  @Schema(
      name = "TenantChanges",
      description =
          "JSON merge patch (RFC 7396) by platform administrators: only the members sent change;"
              + " settings and quotas are merged, null removes one")
  public record TenantChanges(
      @Schema(maxLength = 200) String name,
      JsonObject settings,
      @Schema(implementation = QuotaChanges.class) JsonObject quotas) {}

  /** The document's shape of a change of quotas: a number sets a limit, null removes it. */
  @Schema(name = "QuotaChanges", description = "Limits to set; null removes one (no limit)")
  public record QuotaChanges(
      @Schema(nullable = true, minimum = "0", format = "int64") Long maxUsers,
      @Schema(nullable = true, minimum = "0", format = "int64") Long maxWorkspaces,
      @Schema(nullable = true, minimum = "0", format = "int64") Long maxStorageBytes,
      @Schema(nullable = true, minimum = "0", format = "int64") Long maxPlugins) {}

  /** The document's shape of a tenant's quotas (the API reads and writes them as JSON). */
  @Schema(
      name = "QuotaLimits",
      description =
          "What a tenant may hold at most, set by platform administrators; a limit left out is no"
              + " limit",
      example = "{\"maxUsers\":50,\"maxWorkspaces\":10}")
  public record QuotaLimits(
      @Schema(nullable = true, minimum = "0", format = "int64") Long maxUsers,
      @Schema(nullable = true, minimum = "0", format = "int64") Long maxWorkspaces,
      @Schema(nullable = true, minimum = "0", format = "int64") Long maxStorageBytes,
      @Schema(nullable = true, minimum = "0", format = "int64") Long maxPlugins) {}

  @Schema(
      name = "OwnTenantChanges",
      description =
          "JSON merge patch (RFC 7396) by the tenant's administrators: only the members sent"
              + " change; settings are merged, null removes a setting")
  public record OwnTenantChanges(@Schema(maxLength = 200) String name, JsonObject settings) {}

  @Schema(name = "Tenant")
  public record TenantView(
      UUID id,
      @Schema(example = "acme") String slug,
      @Schema(example = "Acme Corporation") String name,
      @Schema(example = "ada@acme.example") String adminEmail,
      TenantStatus status,
      @Schema(description = "PostgreSQL schema holding the tenant's data", example = "tenant_acme")
          String schema,
      PlacementView placement,
      JsonObject settings,
      @Schema(implementation = QuotaLimits.class) JsonObject quotas,
      Instant createdAt,
      Instant updatedAt,
      @Schema(nullable = true, description = "When the tenant's data was dropped, if it was")
          Instant purgedAt) {

    static TenantView of(Tenant tenant) {
      return new TenantView(
          tenant.id(),
          tenant.slug(),
          tenant.name(),
          tenant.adminEmail(),
          tenant.status(),
          tenant.schemaName(),
          PlacementView.of(tenant),
          JsonText.object(tenant.settings()),
          tenant.quotas().toJson(),
          tenant.createdAt(),
          tenant.updatedAt(),
          tenant.purgedAt());
    }
  }

  @Schema(name = "TenantPage")
  public record TenantPageView(
      List<TenantView> items,
      @Schema(description = "Zero-based page number") int page,
      int size,
      @Schema(description = "Tenants matching the filters, on all pages") long total) {

    static TenantPageView of(TenantPage page) {
      return new TenantPageView(
          page.items().stream().map(TenantView::of).toList(),
          page.page(),
          page.size(),
          page.total());
    }
  }

  @Schema(name = "ProvisioningStep")
  public record StepView(
      @Schema(example = "create-schema") String name,
      @Schema(
              description = "PENDING, RUNNING, DONE or FAILED",
              enumeration = {"PENDING", "RUNNING", "DONE", "FAILED"})
          String status,
      @Schema(
              nullable = true,
              description = "Set once the attempt failed and the step was undone",
              enumeration = {"COMPENSATED", "COMPENSATION_FAILED"})
          String compensation,
      @Schema(nullable = true) Instant startedAt,
      @Schema(nullable = true) Instant finishedAt,
      @Schema(nullable = true) Long durationMs,
      @Schema(nullable = true) String error) {}

  @Schema(name = "Provisioning", description = "Progress of the latest provisioning attempt")
  public record ProvisioningView(
      UUID tenantId,
      String slug,
      TenantStatus status,
      @Schema(description = "1 for the first attempt; 0 before any") int attempt,
      @Schema(description = "Steps finished so far") int completedSteps,
      int totalSteps,
      List<StepView> steps) {

    static ProvisioningView of(ProvisioningReport report) {
      List<StepView> steps = new ArrayList<>();
      for (ProvisioningStepRecord record : report.steps()) {
        steps.add(
            new StepView(
                record.step(),
                record.status().name(),
                record.compensation() == null ? null : record.compensation().name(),
                record.startedAt(),
                record.finishedAt(),
                record.finishedAt() == null
                    ? null
                    : Duration.between(record.startedAt(), record.finishedAt()).toMillis(),
                record.error()));
      }
      List<String> planned = report.plannedSteps();
      boolean attemptRunning = report.tenant().status() == TenantStatus.PROVISIONING;
      for (int i = steps.size(); attemptRunning && i < planned.size(); i++) {
        steps.add(new StepView(planned.get(i), "PENDING", null, null, null, null, null));
      }
      int completed = (int) steps.stream().filter(s -> "DONE".equals(s.status())).count();
      Tenant tenant = report.tenant();
      return new ProvisioningView(
          tenant.id(),
          tenant.slug(),
          tenant.status(),
          report.attempt(),
          completed,
          planned.size(),
          steps);
    }
  }
}
