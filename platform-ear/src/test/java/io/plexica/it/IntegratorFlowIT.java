package io.plexica.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.plexica.client.ApiClient;
import io.plexica.client.ApiException;
import io.plexica.client.api.AuditApi;
import io.plexica.client.api.IdentityApi;
import io.plexica.client.api.ServiceAccountsApi;
import io.plexica.client.api.TenantsApi;
import io.plexica.client.api.UsersApi;
import io.plexica.client.api.WorkspaceFilesApi;
import io.plexica.client.api.WorkspaceInvitationsApi;
import io.plexica.client.api.WorkspaceMembersApi;
import io.plexica.client.api.WorkspacesApi;
import io.plexica.client.model.AddWorkspaceMember;
import io.plexica.client.model.AuditEntry;
import io.plexica.client.model.CreateInvitation;
import io.plexica.client.model.CreateServiceAccount;
import io.plexica.client.model.CreateTenant;
import io.plexica.client.model.CreateWorkspace;
import io.plexica.client.model.Invitation;
import io.plexica.client.model.InviteUser;
import io.plexica.client.model.Me;
import io.plexica.client.model.NewServiceAccount;
import io.plexica.client.model.Problem;
import io.plexica.client.model.ServiceAccount;
import io.plexica.client.model.ServiceAccountChanges;
import io.plexica.client.model.ServiceAccountCredentials;
import io.plexica.client.model.Tenant;
import io.plexica.client.model.TenantStatus;
import io.plexica.client.model.User;
import io.plexica.client.model.Workspace;
import io.plexica.client.model.WorkspaceFile;
import io.plexica.client.model.WorkspaceMember;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An integrator's first program, written only against the Java client generated from the platform's
 * OpenAPI document (clients/java): no raw HTTP, no hand-made JSON. Tokens come from Keycloak, as
 * they would for the integrator.
 */
class IntegratorFlowIT {
  @TempDir Path files;

  @Test
  void aTenantFromNothingToAWorkspaceWithPeopleFilesAndItsAuditTrail() throws Exception {
    ApiClient asPlatformAdmin = client(Platform.superAdminToken());
    TenantsApi tenants = new TenantsApi(asPlatformAdmin);
    String slug = Platform.uniqueSlug("client");

    Tenant created =
        tenants.createTenant(
            new CreateTenant()
                .slug(slug)
                .name("Client Flow Ltd")
                .adminEmail(Platform.adminOf(slug)));
    assertThat(created.getStatus()).isEqualTo(TenantStatus.PROVISIONING);
    Tenant tenant = awaitActive(tenants, created.getId().toString());
    assertThat(tenant.getSlug()).isEqualTo(slug);
    assertThat(tenant.getCreatedAt()).isNotNull();

    ApiClient asTenantAdmin =
        client(Platform.token(slug, Platform.adminOf(slug), Platform.DEV_PASSWORD));
    Workspace workspace =
        new WorkspacesApi(asTenantAdmin)
            .createWorkspace(new CreateWorkspace().slug("launch").name("Launch"));
    String workspaceId = workspace.getId().toString();
    assertThat(workspace.getRole()).isNotNull();

    User grace =
        new UsersApi(asTenantAdmin)
            .inviteUser(
                new InviteUser()
                    .email("grace@" + slug + ".example")
                    .firstName("Grace")
                    .lastName("Hopper")
                    .roles(List.of("user"))
                    .temporaryPassword("Temporary-Pass-1"));
    WorkspaceMember member =
        new WorkspaceMembersApi(asTenantAdmin)
            .addWorkspaceMember(
                workspaceId,
                new AddWorkspaceMember()
                    .userId(grace.getId().toString())
                    .role(AddWorkspaceMember.RoleEnum.MEMBER));
    assertThat(member.getUserId()).isEqualTo(grace.getId());

    Invitation invitation =
        new WorkspaceInvitationsApi(asTenantAdmin)
            .createWorkspaceInvitation(
                workspaceId,
                new CreateInvitation()
                    .email("linus@" + slug + ".example")
                    .role(CreateInvitation.RoleEnum.VIEWER));
    assertThat(invitation.getEmail()).isEqualTo("linus@" + slug + ".example");

    File brief = files.resolve("brief.pdf").toFile();
    Files.write(brief.toPath(), "%PDF-1.4\n% a brief\n".getBytes(StandardCharsets.US_ASCII));
    WorkspaceFile stored =
        new WorkspaceFilesApi(asTenantAdmin).uploadWorkspaceFile(workspaceId, "brief.pdf", brief);
    assertThat(stored.getContentType()).isEqualTo("application/pdf");
    assertThat(stored.getSize()).isEqualTo(brief.length());
    assertThat(new WorkspaceFilesApi(asTenantAdmin).listWorkspaceFiles(workspaceId))
        .extracting(WorkspaceFile::getName)
        .containsExactly("brief.pdf");

    List<AuditEntry> trail =
        new AuditApi(asTenantAdmin)
            .searchAudit(null, null, null, 0, 50, null, workspaceId)
            .getItems();
    assertThat(trail).extracting(AuditEntry::getAction).contains("member.added", "file.uploaded");

    // A refusal arrives as the document's Problem, read with the client's own mapper.
    ApiException taken =
        catchThrowableOfType(
            ApiException.class,
            () ->
                new WorkspacesApi(asTenantAdmin)
                    .createWorkspace(new CreateWorkspace().slug("launch").name("Again")));
    assertThat(taken.getCode()).isEqualTo(409);
    Problem problem =
        asTenantAdmin.getObjectMapper().readValue(taken.getResponseBody(), Problem.class);
    assertThat(problem.getType().toString()).endsWith("/workspace-slug-taken");
    assertThat(problem.getStatus()).isEqualTo(409);
    assertThat(problem.getDetail()).isNotBlank();
  }

  @Test
  void aProgramOfTheTenantActsThroughAServiceAccount() throws Exception {
    String slug = Platform.uniqueSlug("program");
    Platform.createActiveTenant(slug);
    ServiceAccountsApi accounts =
        new ServiceAccountsApi(
            client(Platform.token(slug, Platform.adminOf(slug), Platform.DEV_PASSWORD)));

    NewServiceAccount made =
        accounts.createServiceAccount(
            new CreateServiceAccount().name("Nightly import").roles(List.of("user")));
    ServiceAccountCredentials credentials = made.getCredentials();
    ApiClient asProgram =
        client(
            Platform.clientCredentials(
                    credentials.getTokenEndpoint(),
                    credentials.getClientId(),
                    credentials.getClientSecret())
                .path("access_token"));

    Me me = new IdentityApi(asProgram).getMe();
    assertThat(me.getServiceAccount()).isTrue();
    assertThat(me.getSubject()).isEqualTo(made.getServiceAccount().getId().toString());
    assertThat(me.getPermissions()).contains("workspaces:create");
    Workspace imported =
        new WorkspacesApi(asProgram)
            .createWorkspace(new CreateWorkspace().slug("imports").name("Imports"));
    assertThat(imported.getRole()).isNotNull();

    ServiceAccountCredentials rotated =
        accounts.rotateServiceAccountSecret(made.getServiceAccount().getId().toString());
    assertThat(rotated.getClientId()).isEqualTo(credentials.getClientId());
    assertThat(rotated.getClientSecret()).isNotEqualTo(credentials.getClientSecret());
    ServiceAccount disabled =
        accounts.updateServiceAccount(
            made.getServiceAccount().getId().toString(),
            new ServiceAccountChanges().enabled(false));
    assertThat(disabled.getEnabled()).isFalse();
    ApiException refused =
        catchThrowableOfType(
            ApiException.class, () -> new WorkspacesApi(asProgram).listWorkspaces());
    assertThat(refused.getCode()).isEqualTo(401);
  }

  private static ApiClient client(String token) {
    ApiClient client = new ApiClient();
    client.setBasePath(Platform.BASE_URL);
    client.setBearerToken(token);
    return client;
  }

  private static Tenant awaitActive(TenantsApi tenants, String id) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    Tenant tenant = tenants.getTenant(id);
    while (tenant.getStatus() != TenantStatus.ACTIVE && Instant.now().isBefore(deadline)) {
      assertThat(tenant.getStatus()).isNotEqualTo(TenantStatus.FAILED);
      Platform.sleep(200);
      tenant = tenants.getTenant(id);
    }
    assertThat(tenant.getStatus()).isEqualTo(TenantStatus.ACTIVE);
    return tenant;
  }
}
