package io.plexica.identity.infra;

import io.plexica.identity.app.Realms;
import io.plexica.identity.domain.IdentityProblems;
import io.plexica.identity.domain.TenantRealm;
import io.plexica.shared.problem.ProblemException;
import io.plexica.thirdparty.jakarta.ws.rs.NotFoundException;
import io.plexica.thirdparty.jakarta.ws.rs.ProcessingException;
import io.plexica.thirdparty.jakarta.ws.rs.WebApplicationException;
import io.plexica.thirdparty.resteasy.client.jaxrs.internal.ResteasyClientBuilderImpl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.RolesRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** Realms in Keycloak through keycloak-admin-client, authenticated as the master realm's admin. */
public class KeycloakRealms implements Realms, AutoCloseable {
  /** Short-lived access tokens: a revoked role or a disabled user stops working within minutes. */
  private static final int ACCESS_TOKEN_SECONDS = 300;

  private static final int SSO_IDLE_SECONDS = 30 * 60;
  private static final int SSO_MAX_SECONDS = 10 * 60 * 60;

  private final KeycloakSettings settings;
  private final Keycloak keycloak;

  public KeycloakRealms(KeycloakSettings settings) {
    this.settings = settings;
    // The application's own RESTEasy client, not the server's JAX-RS client, which the admin client
    // cannot use (it needs RESTEasy's proxy support).
    this.keycloak =
        KeycloakBuilder.builder()
            .serverUrl(settings.url())
            .realm("master")
            .clientId("admin-cli")
            .grantType(OAuth2Constants.PASSWORD)
            .username(settings.adminUser())
            .password(settings.adminPassword())
            .resteasyClient(new ResteasyClientBuilderImpl().connectionPoolSize(8).build())
            .build();
  }

  @Override
  public void ensurePlatformRealm() {
    if (exists(PLATFORM_REALM)) {
      return;
    }
    RealmRepresentation realm = baseRealm(PLATFORM_REALM, "Plexica platform");
    realm.setRoles(roles(List.of("platform-admin")));
    List<ClientRepresentation> clients = new ArrayList<>();
    clients.add(pkceClient(KeycloakSettings.CONSOLE_CLIENT, settings.consoleRedirectUris()));
    if (settings.devMode()) {
      clients.add(passwordGrantClient());
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
  public void createTenantRealm(TenantRealm tenant) {
    RealmRepresentation realm = baseRealm(tenant.name(), tenant.displayName());
    realm.setRoles(roles(TenantRealm.ROLES));
    List<ClientRepresentation> clients = new ArrayList<>();
    clients.add(pkceClient(KeycloakSettings.WEB_CLIENT, tenant.webRedirectUris()));
    if (settings.devMode()) {
      clients.add(passwordGrantClient());
    }
    realm.setClients(clients);
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
    realm.setUsers(List.of(admin));
    call(() -> create(realm));
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
    call(
        () -> {
          RealmRepresentation change = new RealmRepresentation();
          change.setEnabled(enabled);
          keycloak.realm(realm).update(change);
          return null;
        });
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
    realm.setDisplayName(displayName);
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
    return realm;
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

  private static ClientRepresentation pkceClient(String clientId, List<String> redirectUris) {
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
    client.setProtocolMappers(List.of(audienceMapper()));
    return client;
  }

  private static ClientRepresentation passwordGrantClient() {
    ClientRepresentation client = new ClientRepresentation();
    client.setClientId(KeycloakSettings.CLI_CLIENT);
    client.setPublicClient(true);
    client.setStandardFlowEnabled(false);
    client.setDirectAccessGrantsEnabled(true);
    client.setProtocolMappers(List.of(audienceMapper()));
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
      throw new ProblemException(
          IdentityProblems.IDENTITY_UNAVAILABLE,
          "Keycloak at " + settings.url() + " refused the request (HTTP " + status + ").",
          e);
    } catch (ProcessingException e) {
      throw new ProblemException(
          IdentityProblems.IDENTITY_UNAVAILABLE,
          "Keycloak at " + settings.url() + " cannot be reached: " + e.getMessage(),
          e);
    }
  }
}
