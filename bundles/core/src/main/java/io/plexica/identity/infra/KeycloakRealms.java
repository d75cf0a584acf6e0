package io.plexica.identity.infra;

import io.plexica.identity.app.Realms;
import io.plexica.identity.domain.IdentityProblems;
import io.plexica.identity.domain.TenantRealm;
import io.plexica.identity.domain.UserProfile;
import io.plexica.identity.domain.VerifiedToken;
import io.plexica.shared.mail.MailSettings;
import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.web.HtmlText;
import io.plexica.thirdparty.jakarta.ws.rs.ClientErrorException;
import io.plexica.thirdparty.jakarta.ws.rs.NotFoundException;
import io.plexica.thirdparty.jakarta.ws.rs.ProcessingException;
import io.plexica.thirdparty.jakarta.ws.rs.WebApplicationException;
import io.plexica.thirdparty.jakarta.ws.rs.client.Client;
import io.plexica.thirdparty.jakarta.ws.rs.client.Entity;
import io.plexica.thirdparty.jakarta.ws.rs.client.Invocation;
import io.plexica.thirdparty.jakarta.ws.rs.core.Response;
import io.plexica.thirdparty.resteasy.client.jaxrs.internal.ResteasyClientBuilderImpl;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.ClientsResource;
import org.keycloak.admin.client.resource.OrganizationMembersResource;
import org.keycloak.admin.client.resource.OrganizationResource;
import org.keycloak.admin.client.resource.OrganizationsResource;
import org.keycloak.admin.client.resource.ProtocolMappersResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.RoleScopeResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ClientScopeRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.MemberRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.RolesRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** Realms in Keycloak through keycloak-admin-client, authenticated as the master realm's admin. */
public class KeycloakRealms implements Realms, AutoCloseable {
  /** Short-lived access tokens: a revoked role or a disabled user stops working within minutes. */
  private static final String TENANT_ID_MAPPER = "plexica-tenant-id";

  private static final String ORGANIZATION_SCOPE = "organization";
  private static final String ORGANIZATION_MAPPER = "oidc-organization-membership-mapper";

  private static final int ACCESS_TOKEN_SECONDS = 300;

  private static final int PAGE = 200;
  private static final int SSO_IDLE_SECONDS = 30 * 60;
  private static final int SSO_MAX_SECONDS = 10 * 60 * 60;

  /**
   * What Keycloak answers when a request's headers are too large: the platform's token, when its
   * service account's tokens carry the administration roles of every realm it made.
   */
  private static final int HEADER_TOO_LARGE = 431;

  private final KeycloakSettings settings;
  private final String loginTheme;
  private final MailSettings mail;
  private final Keycloak keycloak;
  private final Client http;

  /** The login theme the project ships (server-config/keycloak/themes/plexica). */
  public static final String PLEXICA_THEME = "plexica";

  public KeycloakRealms(KeycloakSettings settings) {
    this(settings, MailSettings.NONE, PLEXICA_THEME);
  }

  /**
   * @param loginTheme the login theme of every realm the platform makes; blank for Keycloak's own
   *     (a Keycloak without the project's theme installed)
   */
  public KeycloakRealms(KeycloakSettings settings, MailSettings mail, String loginTheme) {
    this.settings = settings;
    this.mail = mail;
    this.loginTheme = loginTheme == null || loginTheme.isBlank() ? null : loginTheme;
    // The application's own RESTEasy client, not the server's JAX-RS client, which the admin client
    // cannot use (it needs RESTEasy's proxy support).
    this.http = new ResteasyClientBuilderImpl().connectionPoolSize(8).build();
    KeycloakBuilder builder =
        KeycloakBuilder.builder().serverUrl(settings.url()).realm("master").resteasyClient(http);
    if (settings.usesServiceAccount()) {
      builder
          .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
          .clientId(settings.clientId())
          .clientSecret(settings.clientSecret());
    } else if (settings.adminPassword() != null) {
      // Development and tests without the launcher's service account.
      builder
          .grantType(OAuth2Constants.PASSWORD)
          .clientId("admin-cli")
          .username(settings.adminUser())
          .password(settings.adminPassword());
    } else {
      throw new IllegalStateException(
          "Keycloak needs the platform's service account: set PLEXICA_KEYCLOAK_CLIENT_ID and"
              + " PLEXICA_KEYCLOAK_CLIENT_SECRET (docs/operations.md)");
    }
    this.keycloak = builder.build();
  }

  @Override
  public void ensurePlatformRealm() {
    if (exists(PLATFORM_REALM)) {
      // Realms made before vendors existed get their role.
      createRole(PLATFORM_REALM, VENDOR_ROLE, VENDOR_ROLE_DESCRIPTION);
      return;
    }
    RealmRepresentation realm = baseRealm(PLATFORM_REALM, PLATFORM_DISPLAY_NAME);
    realm.setRoles(roles(List.of("platform-admin", VENDOR_ROLE)));
    List<ClientRepresentation> clients = new ArrayList<>();
    List<ProtocolMapperRepresentation> mappers = List.of(audienceMapper());
    clients.add(
        pkceClient(KeycloakSettings.CONSOLE_CLIENT, settings.consoleRedirectUris(), mappers));
    if (settings.devMode()) {
      clients.add(passwordGrantClient(mappers));
    }
    realm.setClients(clients);
    UserRepresentation admin = new UserRepresentation();
    admin.setUsername(settings.platformAdminUser());
    admin.setEnabled(true);
    admin.setEmailVerified(true);
    admin.setFirstName("Platform");
    admin.setLastName("Administrator");
    admin.setEmail(settings.platformAdminUser() + "@plexica.local");
    admin.setRealmRoles(List.of("platform-admin"));
    admin.setCredentials(List.of(password(settings.platformAdminPassword(), false)));
    realm.setUsers(List.of(admin));
    call(() -> create(realm));
  }

  @Override
  public void ensureSharedRealm(String realm) {
    if (exists(realm)) {
      return;
    }
    RealmRepresentation shared = baseRealm(realm, PLATFORM_DISPLAY_NAME);
    shared.setOrganizationsEnabled(true);
    List<ClientRepresentation> clients = new ArrayList<>();
    List<ProtocolMapperRepresentation> mappers = List.of(audienceMapper());
    clients.add(pkceClient(KeycloakSettings.WEB_CLIENT, settings.webRedirectUris(), mappers));
    if (settings.devMode()) {
      clients.add(passwordGrantClient(mappers));
    }
    shared.setClients(clients);
    try {
      call(() -> create(shared));
    } catch (ProblemException e) {
      // Another node made it at the same moment, for another tenant: it is there, as wanted.
      if (!(e.getCause() instanceof ClientErrorException conflict)
          || conflict.getResponse().getStatus() != 409) {
        throw e;
      }
    }
    call(
        () -> {
          namesOrganizationsWithIdAndTenant(realm);
          return null;
        });
  }

  /**
   * Keycloak's {@code organization} scope names organizations by alias only; the platform binds a
   * token to a tenant incarnation through the organization's id and its tenant attribute.
   */
  private void namesOrganizationsWithIdAndTenant(String realm) {
    ClientScopeRepresentation scope =
        keycloak.realm(realm).clientScopes().findAll().stream()
            .filter(s -> ORGANIZATION_SCOPE.equals(s.getName()))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Keycloak made realm " + realm + " without its organization scope"));
    ProtocolMappersResource mappers =
        keycloak.realm(realm).clientScopes().get(scope.getId()).getProtocolMappers();
    for (ProtocolMapperRepresentation mapper : mappers.getMappers()) {
      if (ORGANIZATION_MAPPER.equals(mapper.getProtocolMapper())) {
        Map<String, String> config = new HashMap<>(mapper.getConfig());
        config.put("addOrganizationId", "true");
        config.put("addOrganizationAttributes", "true");
        config.put("jsonType.label", "JSON");
        mapper.setConfig(config);
        mappers.update(mapper.getId(), mapper);
      }
    }
  }

  @Override
  public String createOrganization(String realm, String alias, String name, UUID tenantId) {
    return call(
        () -> {
          OrganizationRepresentation organization = new OrganizationRepresentation();
          organization.setAlias(alias);
          organization.setName(name);
          organization.setEnabled(true);
          organization.setAttributes(
              Map.of(VerifiedToken.ORGANIZATION_TENANT_ATTRIBUTE, List.of(tenantId.toString())));
          try (Response response = keycloak.realm(realm).organizations().create(organization)) {
            if (response.getStatus() != 201) {
              throw new WebApplicationException(response);
            }
            String location = response.getLocation().getPath();
            return location.substring(location.lastIndexOf('/') + 1);
          }
        });
  }

  @Override
  public Optional<String> organizationOfTenant(String realm, UUID tenantId) {
    String attribute = VerifiedToken.ORGANIZATION_TENANT_ATTRIBUTE;
    return call(
        () -> {
          try {
            OrganizationsResource organizations = keycloak.realm(realm).organizations();
            // The search answers brief representations: each candidate is read whole.
            return organizations.searchByAttribute(attribute + ":" + tenantId).stream()
                .map(o -> organizations.get(o.getId()).toRepresentation())
                .filter(
                    o ->
                        o.getAttributes() != null
                            && List.of(tenantId.toString())
                                .equals(o.getAttributes().get(attribute)))
                .map(OrganizationRepresentation::getId)
                .findFirst();
          } catch (NotFoundException noRealm) {
            return Optional.empty();
          }
        });
  }

  @Override
  public void deleteOrganization(String realm, String organizationId) {
    call(
        () -> {
          OrganizationResource organization =
              keycloak.realm(realm).organizations().get(organizationId);
          try {
            for (MemberRepresentation member : pages(organization.members()::list)) {
              leave(realm, organization, member.getId());
            }
            organization.delete().close();
          } catch (NotFoundException gone) {
            // already deleted: nothing to undo
          }
          return null;
        });
  }

  @Override
  public void joinOrganization(String realm, String organizationId, String userId) {
    call(
        () -> {
          try (Response response = membersOf(realm, organizationId).addMember(userId)) {
            // 409: a member already, which is what was asked for.
            if (response.getStatus() != 201 && response.getStatus() != 409) {
              throw new WebApplicationException(response);
            }
          }
          return null;
        });
  }

  @Override
  public boolean isMember(String realm, String organizationId, String userId) {
    return call(
        () -> {
          try {
            membersOf(realm, organizationId).member(userId).toRepresentation();
            return true;
          } catch (NotFoundException notMember) {
            return false;
          }
        });
  }

  private OrganizationMembersResource membersOf(String realm, String organizationId) {
    return keycloak.realm(realm).organizations().get(organizationId).members();
  }

  @Override
  public void leaveOrganization(String realm, String organizationId, String userId) {
    call(
        () -> {
          leave(realm, keycloak.realm(realm).organizations().get(organizationId), userId);
          return null;
        });
  }

  private void leave(String realm, OrganizationResource organization, String userId) {
    String organizationId = organization.toRepresentation().getId();
    organization.members().member(userId).delete().close();
    boolean elsewhere =
        keycloak.realm(realm).organizations().members().getOrganizations(userId, true).stream()
            .anyMatch(o -> !organizationId.equals(o.getId()));
    if (!elsewhere) {
      keycloak.realm(realm).users().delete(userId).close();
    }
  }

  @Override
  public List<RealmUser> members(String realm, String organizationId) {
    return call(
        () ->
            pages(membersOf(realm, organizationId)::list).stream()
                .map(member -> realmUser(member, Set.of()))
                .toList());
  }

  @Override
  public void createTenantRealm(TenantRealm tenant) {
    RealmRepresentation realm = baseRealm(tenant.name(), tenant.displayName());
    realm.setRoles(roles(TenantRealm.ROLES));
    List<ClientRepresentation> clients = new ArrayList<>();
    List<ProtocolMapperRepresentation> mappers =
        List.of(audienceMapper(), tenantIdMapper(tenant.tenantId()));
    clients.add(pkceClient(KeycloakSettings.WEB_CLIENT, tenant.webRedirectUris(), mappers));
    if (settings.devMode()) {
      clients.add(passwordGrantClient(mappers));
    }
    realm.setClients(clients);
    // Without an administrator: a realm made for people moved in from elsewhere.
    if (tenant.adminEmail() != null) {
      realm.setUsers(List.of(firstAdministrator(tenant)));
    }
    call(() -> create(realm));
  }

  private static UserRepresentation firstAdministrator(TenantRealm tenant) {
    UserRepresentation admin = new UserRepresentation();
    admin.setUsername(tenant.adminEmail());
    admin.setEmail(tenant.adminEmail());
    // Keycloak's user profile requires a name; a placeholder the administrator can change, instead
    // of a "complete your profile" step that would block scripted logins.
    admin.setFirstName("Administrator");
    admin.setLastName(tenant.displayName());
    admin.setEnabled(true);
    admin.setRealmRoles(List.of("admin"));
    if (tenant.adminPassword() != null) {
      admin.setEmailVerified(true);
      admin.setCredentials(List.of(password(tenant.adminPassword(), false)));
    } else {
      // The administrator sets a password and confirms the address through Keycloak itself.
      admin.setRequiredActions(List.of("UPDATE_PASSWORD", "VERIFY_EMAIL"));
    }
    return admin;
  }

  @Override
  public void bindToTenant(String realm, UUID tenantId) {
    call(
        () -> {
          ClientsResource clients = keycloak.realm(realm).clients();
          for (String clientId :
              List.of(KeycloakSettings.WEB_CLIENT, KeycloakSettings.CLI_CLIENT)) {
            for (ClientRepresentation client : clients.findByClientId(clientId)) {
              boolean bound =
                  client.getProtocolMappers() != null
                      && client.getProtocolMappers().stream()
                          .anyMatch(m -> TENANT_ID_MAPPER.equals(m.getName()));
              if (!bound) {
                clients
                    .get(client.getId())
                    .getProtocolMappers()
                    .createMapper(tenantIdMapper(tenantId))
                    .close();
              }
            }
          }
          return null;
        });
  }

  @Override
  public void delete(String realm) {
    call(
        () -> {
          try {
            keycloak.realm(realm).remove();
          } catch (NotFoundException gone) {
            // already deleted: nothing to undo
          }
          return null;
        });
  }

  @Override
  public boolean canMovePeople(String realm) {
    return call(
        () -> {
          try (Response answer = peopleMoves(realm, "").get()) {
            return answer.getStatus() == 200;
          }
        });
  }

  @Override
  public List<String> movePeople(PeopleMove move, boolean dryRun) {
    Map<String, Object> body = new HashMap<>();
    body.put("fromRealm", move.fromRealm());
    body.put("fromOrganization", move.fromOrganization());
    body.put("toOrganization", move.toOrganization());
    body.put("users", move.users());
    body.put("clients", move.clients());
    body.put("roles", move.roles());
    body.put("dryRun", dryRun);
    return call(
        () -> {
          try (Response answer = peopleMoves(move.toRealm(), "/moves").post(Entity.json(body))) {
            return conflicts(answer);
          }
        });
  }

  /** What the extension's answer says stops the move: none when it moved (or would). */
  private static List<String> conflicts(Response answer) {
    int status = answer.getStatus();
    if (status == 200) {
      return List.of();
    }
    if (status == 409) {
      Object conflicts = answer.readEntity(Map.class).get("conflicts");
      return conflicts instanceof List<?> list
          ? list.stream().map(String::valueOf).toList()
          : List.of("the identity provider refused the move");
    }
    throw new ProblemException(
        IdentityProblems.IDENTITY_UNAVAILABLE,
        "The identity provider refused to move people (HTTP " + status + ").");
  }

  /** The extension's endpoint in {@code realm}, as the platform's service account. */
  private Invocation.Builder peopleMoves(String realm, String path) {
    return http.target(settings.url())
        .path("admin/realms/{realm}/plexica-people" + path)
        .resolveTemplate("realm", realm)
        .request("application/json")
        .header("Authorization", "Bearer " + keycloak.tokenManager().getAccessTokenString());
  }

  @Override
  public boolean hasUser(String realm, String userId) {
    return call(
        () -> {
          try {
            return keycloak.realm(realm).users().get(userId).toRepresentation() != null;
          } catch (NotFoundException gone) {
            return false;
          }
        });
  }

  @Override
  public boolean exists(String realm) {
    return find(realm).isPresent();
  }

  @Override
  public boolean isEnabled(String realm) {
    return find(realm).map(r -> Boolean.TRUE.equals(r.isEnabled())).orElse(false);
  }

  private Optional<RealmRepresentation> find(String realm) {
    return call(
        () -> {
          try {
            return Optional.of(keycloak.realm(realm).toRepresentation());
          } catch (NotFoundException e) {
            return Optional.empty();
          }
        });
  }

  @Override
  public void setEnabled(String realm, boolean enabled) {
    update(realm, change -> change.setEnabled(enabled));
  }

  @Override
  public String createUser(String realm, NewRealmUser user) {
    return call(
        () -> {
          UserRepresentation representation = representation(user.profile());
          representation.setEnabled(true);
          if (user.finalPassword()) {
            representation.setEmailVerified(true);
            representation.setCredentials(List.of(password(user.temporaryPassword(), false)));
          } else if (user.temporaryPassword() != null) {
            representation.setCredentials(List.of(password(user.temporaryPassword(), true)));
            representation.setRequiredActions(List.of("VERIFY_EMAIL"));
          } else {
            representation.setRequiredActions(List.of("UPDATE_PASSWORD", "VERIFY_EMAIL"));
          }
          String id;
          try (Response response = keycloak.realm(realm).users().create(representation)) {
            if (response.getStatus() == 409) {
              throw new ProblemException(
                  IdentityProblems.USER_EXISTS,
                  "The tenant already has a user " + user.profile().username() + ".");
            }
            if (response.getStatus() != 201) {
              throw new WebApplicationException(response);
            }
            String location = response.getLocation().getPath();
            id = location.substring(location.lastIndexOf('/') + 1);
          }
          try {
            grant(realm, id, user.roles());
          } catch (RuntimeException e) {
            keycloak.realm(realm).users().delete(id).close();
            throw e;
          }
          return id;
        });
  }

  @Override
  public void deleteUser(String realm, String userId) {
    call(
        () -> {
          keycloak.realm(realm).users().delete(userId).close();
          return null;
        });
  }

  @Override
  public void setUserEnabled(String realm, String userId, boolean enabled) {
    call(
        () -> {
          UserResource user = keycloak.realm(realm).users().get(userId);
          UserRepresentation change = user.toRepresentation();
          change.setEnabled(enabled);
          user.update(change);
          if (!enabled) {
            user.logout();
          }
          return null;
        });
  }

  @Override
  public void setUserRoles(String realm, String userId, Set<String> roles, Set<String> managed) {
    call(
        () -> {
          RoleScopeResource mappings =
              keycloak.realm(realm).users().get(userId).roles().realmLevel();
          List<RoleRepresentation> withdrawn =
              mappings.listAll().stream()
                  .filter(r -> managed.contains(r.getName()) && !roles.contains(r.getName()))
                  .toList();
          if (!withdrawn.isEmpty()) {
            mappings.remove(withdrawn);
          }
          grant(realm, userId, roles);
          return null;
        });
  }

  @Override
  public List<RealmUser> users(String realm, Set<String> managed) {
    return call(
        () -> {
          Map<String, Set<String>> rolesByUser = new HashMap<>();
          for (String role : managed) {
            for (UserRepresentation member :
                pages(keycloak.realm(realm).roles().get(role)::getUserMembers)) {
              rolesByUser.computeIfAbsent(member.getId(), id -> new TreeSet<>()).add(role);
            }
          }
          return pages(keycloak.realm(realm).users()::list).stream()
              .map(u -> realmUser(u, rolesByUser.getOrDefault(u.getId(), Set.of())))
              .toList();
        });
  }

  @Override
  public Set<String> roleNames(String realm) {
    return call(
        () ->
            keycloak.realm(realm).roles().list().stream()
                .map(RoleRepresentation::getName)
                .collect(Collectors.toCollection(TreeSet::new)));
  }

  @Override
  public void createRole(String realm, String role, String description) {
    call(
        () -> {
          RoleRepresentation representation = new RoleRepresentation();
          representation.setName(role);
          representation.setDescription(description);
          try {
            keycloak.realm(realm).roles().create(representation);
          } catch (ClientErrorException e) {
            if (e.getResponse().getStatus() != 409) {
              throw e;
            }
            // already there, made in Keycloak's console or by an earlier attempt: adopt it
          }
          return null;
        });
  }

  @Override
  public void deleteRole(String realm, String role) {
    call(
        () -> {
          try {
            keycloak.realm(realm).roles().deleteRole(role);
          } catch (NotFoundException gone) {
            // already deleted
          }
          return null;
        });
  }

  private void grant(String realm, String userId, Set<String> roles) {
    if (roles.isEmpty()) {
      return;
    }
    RealmResource resource = keycloak.realm(realm);
    List<RoleRepresentation> representations =
        roles.stream().map(r -> resource.roles().get(r).toRepresentation()).toList();
    resource.users().get(userId).roles().realmLevel().add(representations);
  }

  /** Every item of a paged Keycloak listing. */
  @Override
  public ServiceClient createServiceClient(
      String realm, UUID tenantId, String clientId, String description) {
    return call(
        () -> {
          ClientRepresentation client = new ClientRepresentation();
          client.setClientId(clientId);
          client.setDescription(description);
          client.setPublicClient(false);
          client.setClientAuthenticatorType("client-secret");
          client.setServiceAccountsEnabled(true);
          client.setStandardFlowEnabled(false);
          client.setImplicitFlowEnabled(false);
          client.setDirectAccessGrantsEnabled(false);
          client.setProtocolMappers(
              List.of(audienceMapper(), tenantIdMapper(tenantId), serviceAccountMapper()));
          ClientsResource clients = keycloak.realm(realm).clients();
          String uuid;
          try (Response response = clients.create(client)) {
            if (response.getStatus() != 201) {
              throw new WebApplicationException(response);
            }
            String location = response.getLocation().getPath();
            uuid = location.substring(location.lastIndexOf('/') + 1);
          }
          try {
            ClientResource created = clients.get(uuid);
            UserRepresentation user = created.getServiceAccountUser();
            return new ServiceClient(
                UUID.fromString(uuid),
                user.getId(),
                user.getUsername(),
                created.getSecret().getValue());
          } catch (RuntimeException e) {
            clients.get(uuid).remove();
            throw e;
          }
        });
  }

  @Override
  public String newServiceClientSecret(String realm, UUID clientUuid) {
    return call(
        () ->
            keycloak
                .realm(realm)
                .clients()
                .get(clientUuid.toString())
                .generateNewSecret()
                .getValue());
  }

  @Override
  public void setServiceClientEnabled(String realm, UUID clientUuid, boolean enabled) {
    call(
        () -> {
          ClientResource client = keycloak.realm(realm).clients().get(clientUuid.toString());
          ClientRepresentation change = client.toRepresentation();
          change.setEnabled(enabled);
          client.update(change);
          return null;
        });
  }

  @Override
  public void deleteServiceClient(String realm, UUID clientUuid) {
    call(
        () -> {
          try {
            keycloak.realm(realm).clients().get(clientUuid.toString()).remove();
          } catch (NotFoundException gone) {
            // already deleted: nothing to undo
          }
          return null;
        });
  }

  private static <T> List<T> pages(BiFunction<Integer, Integer, List<T>> page) {
    List<T> all = new ArrayList<>();
    for (int first = 0; ; first += PAGE) {
      List<T> items = page.apply(first, PAGE);
      all.addAll(items);
      if (items.size() < PAGE) {
        return all;
      }
    }
  }

  private static RealmUser realmUser(UserRepresentation user, Set<String> roles) {
    return new RealmUser(
        user.getId(),
        new UserProfile(
            user.getUsername(), user.getEmail(), user.getFirstName(), user.getLastName()),
        Boolean.TRUE.equals(user.isEnabled()),
        roles);
  }

  private static UserRepresentation representation(UserProfile profile) {
    UserRepresentation user = new UserRepresentation();
    user.setUsername(profile.username());
    user.setEmail(profile.email());
    user.setFirstName(profile.firstName());
    user.setLastName(profile.lastName());
    return user;
  }

  @Override
  public void close() {
    keycloak.close();
  }

  private Void create(RealmRepresentation realm) {
    keycloak.realms().create(realm);
    return null;
  }

  private RealmRepresentation baseRealm(String name, String displayName) {
    RealmRepresentation realm = new RealmRepresentation();
    realm.setRealm(name);
    withBranding(realm, displayName);
    realm.setEnabled(true);
    realm.setAccessTokenLifespan(ACCESS_TOKEN_SECONDS);
    realm.setSsoSessionIdleTimeout(SSO_IDLE_SECONDS);
    realm.setSsoSessionMaxLifespan(SSO_MAX_SECONDS);
    realm.setBruteForceProtected(true);
    realm.setFailureFactor(5);
    realm.setWaitIncrementSeconds(60);
    realm.setMaxFailureWaitSeconds(15 * 60);
    realm.setPermanentLockout(false);
    realm.setLoginWithEmailAllowed(true);
    realm.setDuplicateEmailsAllowed(false);
    realm.setRegistrationAllowed(false);
    withMailSettings(realm);
    return realm;
  }

  private void withMailSettings(RealmRepresentation realm) {
    realm.setSmtpServer(mail.keycloakSmtpServer());
    realm.setResetPasswordAllowed(mail.enabled());
  }

  /**
   * The realm's login pages carry the organization's name (the page's title and its header) in the
   * project's theme, so that a person knows where they sign in.
   */
  private void withBranding(RealmRepresentation realm, String displayName) {
    realm.setDisplayName(displayName);
    realm.setDisplayNameHtml(
        "<span class=\"plexica-realm\">" + HtmlText.escape(displayName) + "</span>");
    realm.setLoginTheme(loginTheme);
  }

  /** One partial update of a realm: only the fields {@code change} sets are changed. */
  private void update(String realm, Consumer<RealmRepresentation> change) {
    call(
        () -> {
          RealmRepresentation changed = new RealmRepresentation();
          change.accept(changed);
          keycloak.realm(realm).update(changed);
          return null;
        });
  }

  /** The languages of the web apps' settings, which Keycloak's pages also speak. */
  static final Set<String> LOGIN_LOCALES = Set.of("en", "fr", "de", "es", "it", "pt");

  @Override
  public void applyProfile(String realm, String displayName, Optional<String> locale) {
    update(realm, profile(displayName, locale));
  }

  private Consumer<RealmRepresentation> profile(String displayName, Optional<String> locale) {
    String language = locale.map(l -> l.split("-")[0]).filter(LOGIN_LOCALES::contains).orElse("en");
    return change -> {
      withMailSettings(change);
      withBranding(change, displayName);
      change.setInternationalizationEnabled(true);
      change.setSupportedLocales(new TreeSet<>(LOGIN_LOCALES));
      change.setDefaultLocale(language);
    };
  }

  /** Raise when {@link #bindToTenant} or the profile starts writing something new. */
  private static final String PROFILE_GENERATION = "tenant-id-mapper,profile-v1";

  @Override
  public Optional<String> profileDigest(String realm, String displayName, Optional<String> locale) {
    if (settings.clientSecret() == null || settings.clientSecret().isBlank()) {
      return Optional.empty();
    }
    RealmRepresentation wanted = new RealmRepresentation();
    profile(displayName, locale).accept(wanted);
    Map<String, String> smtp = wanted.getSmtpServer() == null ? Map.of() : wanted.getSmtpServer();
    String text =
        String.join(
            "\n",
            PROFILE_GENERATION,
            realm,
            new TreeMap<>(smtp).toString(),
            String.valueOf(wanted.isResetPasswordAllowed()),
            wanted.getDisplayNameHtml(),
            String.valueOf(wanted.getLoginTheme()),
            String.valueOf(wanted.getSupportedLocales()),
            wanted.getDefaultLocale());
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(
          new javax.crypto.spec.SecretKeySpec(
              settings.clientSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Optional.of(
          java.util.HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8))));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  @Override
  public boolean mailAccountSetup(
      String realm, String userId, String redirectUri, Duration validity) {
    if (!mail.enabled()) {
      return false;
    }
    String client =
        PLATFORM_REALM.equals(realm)
            ? KeycloakSettings.CONSOLE_CLIENT
            : KeycloakSettings.WEB_CLIENT;
    return call(
        () -> {
          try {
            keycloak
                .realm(realm)
                .users()
                .get(userId)
                .executeActionsEmail(
                    client,
                    redirectUri,
                    (int) Math.min(Integer.MAX_VALUE, validity.toSeconds()),
                    List.of("UPDATE_PASSWORD", "VERIFY_EMAIL"));
          } catch (WebApplicationException e) {
            // Keycloak answers 500 "Failed to send execute actions email" when SMTP fails.
            throw new ProblemException(
                IdentityProblems.MAIL_UNAVAILABLE,
                "The mail with the link to set a password could not be sent; try again later.",
                e);
          }
          return true;
        });
  }

  @Override
  public Optional<String> userIdByEmail(String realm, String email) {
    return call(
        () ->
            keycloak.realm(realm).users().searchByEmail(email, true).stream()
                .filter(u -> email.equalsIgnoreCase(u.getEmail()))
                .map(UserRepresentation::getId)
                .findFirst());
  }

  private static RolesRepresentation roles(List<String> names) {
    RolesRepresentation roles = new RolesRepresentation();
    roles.setRealm(
        names.stream()
            .map(
                name -> {
                  RoleRepresentation role = new RoleRepresentation();
                  role.setName(name);
                  return role;
                })
            .toList());
    return roles;
  }

  private static ClientRepresentation pkceClient(
      String clientId, List<String> redirectUris, List<ProtocolMapperRepresentation> mappers) {
    ClientRepresentation client = new ClientRepresentation();
    client.setClientId(clientId);
    client.setPublicClient(true);
    client.setStandardFlowEnabled(true);
    client.setDirectAccessGrantsEnabled(false);
    client.setImplicitFlowEnabled(false);
    client.setRedirectUris(redirectUris);
    client.setWebOrigins(List.of("+"));
    client.setAttributes(
        Map.of("pkce.code.challenge.method", "S256", "post.logout.redirect.uris", "+"));
    client.setProtocolMappers(mappers);
    return client;
  }

  private static ClientRepresentation passwordGrantClient(
      List<ProtocolMapperRepresentation> mappers) {
    ClientRepresentation client = new ClientRepresentation();
    client.setClientId(KeycloakSettings.CLI_CLIENT);
    client.setPublicClient(true);
    client.setStandardFlowEnabled(false);
    client.setDirectAccessGrantsEnabled(true);
    client.setProtocolMappers(mappers);
    return client;
  }

  private static ProtocolMapperRepresentation audienceMapper() {
    ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
    mapper.setName("plexica-api-audience");
    mapper.setProtocol("openid-connect");
    mapper.setProtocolMapper("oidc-audience-mapper");
    mapper.setConfig(
        Map.of(
            "included.custom.audience", KeycloakSettings.API_AUDIENCE,
            "access.token.claim", "true",
            "id.token.claim", "false"));
    return mapper;
  }

  /**
   * Every token of the realm names the tenant incarnation it belongs to, so that a token of a
   * purged tenant never speaks for a new tenant that reuses the slug (and so the realm name).
   */
  private static ProtocolMapperRepresentation tenantIdMapper(UUID tenantId) {
    ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
    mapper.setName(TENANT_ID_MAPPER);
    mapper.setProtocol("openid-connect");
    mapper.setProtocolMapper("oidc-hardcoded-claim-mapper");
    mapper.setConfig(
        Map.of(
            "claim.name", VerifiedToken.TENANT_ID_CLAIM,
            "claim.value", tenantId.toString(),
            "jsonType.label", "String",
            "access.token.claim", "true",
            "id.token.claim", "true",
            "userinfo.token.claim", "false"));
    return mapper;
  }

  /** Marks the tokens of a service-account client ({@link VerifiedToken#isServiceAccount()}). */
  private static ProtocolMapperRepresentation serviceAccountMapper() {
    ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
    mapper.setName("plexica-service-account");
    mapper.setProtocol("openid-connect");
    mapper.setProtocolMapper("oidc-hardcoded-claim-mapper");
    mapper.setConfig(
        Map.of(
            "claim.name", VerifiedToken.SERVICE_ACCOUNT_CLAIM,
            "claim.value", "true",
            "jsonType.label", "boolean",
            "access.token.claim", "true",
            "id.token.claim", "false",
            "userinfo.token.claim", "false"));
    return mapper;
  }

  private static CredentialRepresentation password(String value, boolean temporary) {
    CredentialRepresentation credential = new CredentialRepresentation();
    credential.setType(CredentialRepresentation.PASSWORD);
    credential.setValue(value);
    credential.setTemporary(temporary);
    return credential;
  }

  /** Keycloak down or refusing becomes a problem the caller (and the saga log) can explain. */
  private <T> T call(Supplier<T> operation) {
    try {
      return operation.get();
    } catch (WebApplicationException e) {
      int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
      if (status == HEADER_TOO_LARGE) {
        throw new ProblemException(
            IdentityProblems.IDENTITY_UNAVAILABLE,
            "The identity provider refused the platform's own token as too large (HTTP 431): its"
                + " service account must use lightweight access tokens (docs/operations.md,"
                + " \"Keycloak sizing\").",
            e);
      }
      throw new ProblemException(
          IdentityProblems.IDENTITY_UNAVAILABLE,
          // The detail reaches clients: it names no host; the log has the cause.
          "The identity provider refused the request (HTTP " + status + ").",
          e);
    } catch (ProcessingException e) {
      throw new ProblemException(
          IdentityProblems.IDENTITY_UNAVAILABLE,
          "The identity provider cannot be reached now; try again in a moment.",
          e);
    }
  }
}
