package io.plexica.identity.api;

import io.plexica.audit.domain.AuditEntry;
import io.plexica.identity.app.ServiceAccountService;
import io.plexica.identity.app.ServiceAccountService.Changes;
import io.plexica.identity.app.ServiceAccountService.Created;
import io.plexica.identity.app.ServiceAccountService.Credentials;
import io.plexica.identity.app.ServiceAccountService.Details;
import io.plexica.identity.app.ServiceAccountService.NewAccount;
import io.plexica.identity.domain.IdentityProblems;
import io.plexica.identity.domain.ServiceAccount;
import io.plexica.shared.problem.FieldRules;
import io.plexica.shared.problem.Validation;
import io.plexica.shared.security.RequiresPermission;
import io.plexica.shared.web.CheckedBody;
import io.plexica.shared.web.MergePatch;
import io.plexica.shared.web.RequestBodies;
import io.plexica.tenancy.context.CurrentTenant;
import io.plexica.tenancy.context.TenantScoped;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The service accounts of the caller's tenant: programs with roles, client credentials. */
@ApplicationScoped
@Path("/service-accounts")
@Tag(name = "Service accounts")
@TenantScoped
@Produces(MediaType.APPLICATION_JSON)
@RequiresPermission("service-accounts:manage")
public class ServiceAccountResource {
  @Inject ServiceAccountService accounts;
  @Inject CurrentTenant tenant;
  @Inject CurrentIdentity identity;
  @Inject RequestBodies bodies;

  @Schema(name = "ServiceAccount")
  public record ServiceAccountView(
      @Schema(description = "Also the subject (sub) of the account's tokens") UUID id,
      String name,
      @Schema(nullable = true) String description,
      @Schema(description = "The OAuth client id to get tokens with", example = "sa-ci-3f9a0c1d")
          String clientId,
      Set<String> roles,
      @Schema(description = "A disabled account gets no tokens, and its tokens are refused")
          boolean enabled,
      @Schema(description = "Who made it") String createdBy,
      Instant createdAt,
      Instant updatedAt,
      Instant secretRotatedAt) {
    static ServiceAccountView of(Details details) {
      ServiceAccount account = details.account();
      return new ServiceAccountView(
          account.id(),
          account.name(),
          account.description(),
          account.clientId(),
          new TreeSet<>(details.user().roles()),
          details.user().enabled(),
          account.createdBy(),
          account.createdAt(),
          account.updatedAt(),
          account.secretRotatedAt());
    }
  }

  @Schema(
      name = "ServiceAccountCredentials",
      description =
          "Shown once: the platform does not keep the secret. Get a token with"
              + " grant_type=client_credentials at tokenEndpoint.")
  public record CredentialsView(
      @Schema(example = "sa-ci-3f9a0c1d") String clientId,
      @Schema(description = "Keep it like a password") String clientSecret,
      @Schema(
              description = "The tenant realm's OAuth 2.0 token endpoint",
              example = "https://keycloak.example/realms/acme/protocol/openid-connect/token")
          String tokenEndpoint) {
    static CredentialsView of(Credentials credentials) {
      return new CredentialsView(
          credentials.clientId(), credentials.clientSecret(), credentials.tokenEndpoint());
    }
  }

  @Schema(name = "NewServiceAccount")
  public record CreatedView(ServiceAccountView serviceAccount, CredentialsView credentials) {
    static CreatedView of(Created created) {
      return new CreatedView(
          ServiceAccountView.of(created.details()), CredentialsView.of(created.credentials()));
    }
  }

  @Schema(name = "CreateServiceAccount")
  public record CreateRequest(
      @Schema(required = true, example = "CI deploys", maxLength = ServiceAccount.MAX_NAME)
          String name,
      @Schema(maxLength = ServiceAccount.MAX_DESCRIPTION) String description,
      @Schema(description = "Role names; [\"user\"] when absent", example = "[\"user\"]")
          List<String> roles)
      implements CheckedBody<NewAccount> {
    @Override
    public NewAccount value(Validation validation) {
      return new NewAccount(
          validation.check(() -> ServiceAccountResource.name(name)),
          validation.check(() -> ServiceAccountResource.description(description)),
          roles == null ? RoleNames.DEFAULT : validation.check(() -> RoleNames.of(roles)));
    }
  }

  @Schema(
      name = "ServiceAccountChanges",
      description = "JSON merge patch (RFC 7396): only the members sent change")
  public record ChangesRequest(
      @Schema(maxLength = ServiceAccount.MAX_NAME) String name,
      @Schema(maxLength = ServiceAccount.MAX_DESCRIPTION, description = "null clears it")
          String description,
      @Schema(description = "Replaces the account's roles") List<String> roles,
      Boolean enabled) {
    private static final Set<String> PATCHABLE = Set.of("name", "description", "roles", "enabled");

    static Changes read(JsonObject body) {
      return MergePatch.read(
          body,
          PATCHABLE,
          patch ->
              new Changes(
                  patch.text("name", ServiceAccountResource::name),
                  patch.clearableText("description", ServiceAccountResource::description),
                  patch
                      .strings("roles", "role names")
                      .map(names -> patch.check(() -> RoleNames.of(names))),
                  patch.bool("enabled")));
    }
  }

  @GET
  @Operation(operationId = "listServiceAccounts", summary = "List service accounts, by name")
  @APIResponse(responseCode = "200")
  public List<ServiceAccountView> list() {
    return accounts.list(tenant.require()).stream().map(ServiceAccountView::of).toList();
  }

  @GET
  @Path("{id}")
  @Operation(operationId = "getServiceAccount", summary = "Get a service account")
  @APIResponse(responseCode = "200")
  @APIResponse(responseCode = "404", description = "No such service account")
  public ServiceAccountView get(@PathParam("id") String id) {
    return ServiceAccountView.of(accounts.get(tenant.require(), accountId(id)));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "createServiceAccount",
      summary = "Create a service account",
      description =
          "Makes a confidential client in the tenant's realm whose tokens (client-credentials"
              + " grant) act with the given roles. The secret is in the answer and nowhere else."
              + " Only roles whose permissions the caller holds can be given; at most 50 per"
              + " tenant.")
  @RequestBody(
      required = true,
      content =
          @Content(
              schema = @Schema(implementation = CreateRequest.class),
              examples =
                  @ExampleObject(
                      name = "ci",
                      value =
                          "{\"name\":\"CI deploys\",\"description\":\"Creates review"
                              + " workspaces\",\"roles\":[\"user\"]}")))
  @APIResponse(
      responseCode = "201",
      description = "Created; the credentials are shown this once",
      content = @Content(schema = @Schema(implementation = CreatedView.class)))
  @APIResponse(
      responseCode = "409",
      description = "Name taken, or the tenant has 50 service accounts")
  @APIResponse(
      responseCode = "503",
      description = "Keycloak is unavailable (identity-unavailable): nothing was made")
  public Response create(CreateRequest body, @Context UriInfo uri) {
    Created created =
        accounts.create(
            tenant.require(),
            bodies.value(body, "a JSON object with name and roles is required"),
            identity.access(),
            actor());
    return Response.created(
            uri.getAbsolutePathBuilder().path(created.details().account().id().toString()).build())
        .entity(CreatedView.of(created))
        .build();
  }

  @PATCH
  @Path("{id}")
  @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
  @Operation(
      operationId = "updateServiceAccount",
      summary = "Rename, describe, change the roles of, disable or enable a service account",
      description =
          "A JSON merge patch. Roles and the enabled state count from the account's next request;"
              + " a disabled account gets no new tokens. Giving, withdrawing, disabling or"
              + " enabling needs every permission of the roles concerned.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MergePatch.MEDIA_TYPE,
              schema = @Schema(implementation = ChangesRequest.class),
              examples = @ExampleObject(name = "disable", value = "{\"enabled\":false}")))
  @APIResponse(responseCode = "200")
  @APIResponse(responseCode = "409", description = "Name taken")
  public ServiceAccountView update(@PathParam("id") String id, JsonObject patch) {
    UUID accountId = accountId(id);
    return ServiceAccountView.of(
        accounts.change(
            tenant.require(), accountId, ChangesRequest.read(patch), identity.access(), actor()));
  }

  @POST
  @Path("{id}/secret")
  @Operation(
      operationId = "rotateServiceAccountSecret",
      summary = "Give a service account a new secret",
      description =
          "The previous secret stops working at once; tokens already issued with it run out"
              + " (5 minutes at most). Needs every permission of the account's roles.")
  @APIResponse(
      responseCode = "200",
      description = "The new credentials, shown this once",
      content = @Content(schema = @Schema(implementation = CredentialsView.class)))
  @APIResponse(responseCode = "404", description = "No such service account")
  public CredentialsView rotateSecret(@PathParam("id") String id) {
    return CredentialsView.of(
        accounts.rotateSecret(tenant.require(), accountId(id), identity.access(), actor()));
  }

  @DELETE
  @Path("{id}")
  @Operation(
      operationId = "deleteServiceAccount",
      summary = "Delete a service account",
      description =
          "Deletes its client in the tenant's realm; its tokens are refused from the next request"
              + " on. Workspaces it made stay.")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "404", description = "No such service account")
  public Response delete(@PathParam("id") String id) {
    accounts.delete(tenant.require(), accountId(id), identity.access(), actor());
    return Response.noContent().build();
  }

  private static UUID accountId(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw IdentityProblems.serviceAccountNotFound(id);
    }
  }

  private static String name(String raw) {
    return FieldRules.requiredName("name", raw, ServiceAccount.MAX_NAME);
  }

  private static String description(String raw) {
    return FieldRules.optionalText("description", raw, ServiceAccount.MAX_DESCRIPTION);
  }

  private AuditEntry.Actor actor() {
    return new AuditEntry.Actor(identity.access().userId(), identity.require().username());
  }
}
