package io.plexica.tenancy;

import static io.plexica.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plexica.audit.domain.AuditEntry;
import io.plexica.identity.app.UserService.Invitation;
import io.plexica.identity.domain.UserProfile;
import io.plexica.shared.problem.ProblemException;
import io.plexica.tenancy.domain.TenancyProblems;
import io.plexica.tenancy.domain.TenantQuotas;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.testing.TestPlatform;
import io.plexica.testing.UsesServices;
import io.plexica.workspaces.app.Caller;
import io.plexica.workspaces.domain.WorkspaceSlug;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Quotas set on a real tenant, enforced by the real services against PostgreSQL and S3Proxy. */
@UsesServices
class TenantQuotasTest {
  private static final TestPlatform PLATFORM = TestPlatform.create();

  private static void setQuotas(TenantRef tenant, JsonObject quotas) {
    PLATFORM.tenantService.update(
        tenant.slug(), Optional.empty(), Optional.empty(), Optional.of(quotas));
  }

  private static void newWorkspace(TenantRef tenant, Caller admin) {
    String slug = TestPlatform.uniqueSlug("q");
    PLATFORM.workspaces.create(tenant, admin, new WorkspaceSlug(slug), slug, null);
  }

  @Test
  void workspacesUsersAndStoredBytesStopAtTheirQuotaUntilItIsRaised() {
    TenantRef tenant = PLATFORM.activeTenant("quota");
    Caller admin = PLATFORM.adminCaller(tenant);
    // Provisioning made the default workspace and the first administrator.
    setQuotas(
        tenant,
        Json.createObjectBuilder()
            .add("maxWorkspaces", 2)
            .add("maxUsers", 1)
            .add("maxStorageBytes", 10)
            .build());

    newWorkspace(tenant, admin);
    assertProblem(
        () -> newWorkspace(tenant, admin),
        TenancyProblems.QUOTA_EXCEEDED,
        "at most 2 workspaces and holds 2");
    String email = "over-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
    assertProblem(
        () ->
            PLATFORM.users.invite(
                tenant,
                new Invitation(
                    new UserProfile(email, email, "Over", "Quota"), Set.of("user"), null),
                PLATFORM.adminAccess(tenant),
                AuditEntry.Actor.PLATFORM),
        TenancyProblems.QUOTA_EXCEEDED,
        "at most 1 users");
    UUID workspace = PLATFORM.workspaces.all(tenant).get(0).id();
    PLATFORM.files.upload(
        tenant,
        admin,
        workspace,
        "a.txt",
        "text/plain",
        "12345678".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertProblem(
        () ->
            PLATFORM.files.upload(
                tenant,
                admin,
                workspace,
                "b.txt",
                "text/plain",
                "12345678".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        TenancyProblems.QUOTA_EXCEEDED,
        "at most 10 bytes of stored files and holds 8; this would add 8");

    // Raised, or removed (null): what was refused goes through.
    setQuotas(
        tenant,
        Json.createObjectBuilder().add("maxWorkspaces", 3).addNull("maxStorageBytes").build());
    newWorkspace(tenant, admin);
    PLATFORM.files.upload(
        tenant,
        admin,
        workspace,
        "b.txt",
        "text/plain",
        "12345678".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(PLATFORM.tenants.findById(tenant.id()).orElseThrow().quotas())
        .isEqualTo(
            new TenantQuotas(
                java.util.Map.of(TenantQuotas.Quota.WORKSPACES, 3L, TenantQuotas.Quota.USERS, 1L)));
  }

  @Test
  void aQuotaIsAWholeNumberOfAKnownKind() {
    TenantRef tenant = PLATFORM.activeTenant("quotabad");
    assertThatThrownBy(
            () ->
                setQuotas(
                    tenant,
                    Json.createObjectBuilder()
                        .add("maxUsers", -1)
                        .add("maxWorkspaces", 1.5)
                        .add("maxCats", 3)
                        .build()))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e ->
                assertThat(e.fieldErrors())
                    .extracting(f -> f.field())
                    .containsExactlyInAnyOrder(
                        "quotas.maxUsers", "quotas.maxWorkspaces", "quotas.maxCats"));
    assertThat(PLATFORM.tenants.findById(tenant.id()).orElseThrow().quotas())
        .isEqualTo(TenantQuotas.NONE);
  }
}
