package io.plexica.identity.infra;

import io.plexica.identity.app.AccessCache;
import io.plexica.identity.app.CachingTokenVerifier;
import io.plexica.identity.app.PermissionCatalog;
import io.plexica.identity.app.PermissionEngine;
import io.plexica.identity.app.Realms;
import io.plexica.identity.app.RoleService;
import io.plexica.identity.app.ServiceAccountService;
import io.plexica.identity.app.TokenVerifier;
import io.plexica.identity.app.UserService;
import io.plexica.identity.domain.IdentityStore;
import io.plexica.shared.cache.CacheSeal;
import io.plexica.shared.cache.RedisSettings;
import io.plexica.shared.hooks.ExtensionPoints;
import io.plexica.shared.mail.MailSettings;
import io.plexica.shared.web.WebAppLinks;
import io.plexica.tenancy.app.IdentityHomeMoves;
import io.plexica.tenancy.app.IdentityMoves;
import io.plexica.tenancy.app.QuotaGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.JedisPooled;

/**
 * Keycloak settings from MicroProfile Config (environment: {@code PLEXICA_KEYCLOAK_URL}, {@code
 * PLEXICA_IDENTITY_DEV_MODE}, ...). Without dev mode the administrator passwords have no default
 * and must come from the environment.
 */
@ApplicationScoped
public class IdentityBeans {

  @Produces
  @Singleton
  KeycloakSettings settings(
      @ConfigProperty(name = "plexica.keycloak.url", defaultValue = "http://127.0.0.1:18080")
          String url,
      @ConfigProperty(name = "plexica.keycloak.admin-user", defaultValue = "admin")
          String adminUser,
      @ConfigProperty(name = "plexica.keycloak.admin-password") Optional<String> adminPassword,
      @ConfigProperty(
              name = "plexica.identity.web-redirect-uris",
              defaultValue = "http://localhost:9080/*")
          List<String> webRedirectUris,
      @ConfigProperty(
              name = "plexica.identity.console-redirect-uris",
              defaultValue = "http://localhost:9080/admin/*")
          List<String> consoleRedirectUris,
      @ConfigProperty(name = "plexica.identity.platform-admin-user", defaultValue = "admin")
          String platformAdminUser,
      @ConfigProperty(name = "plexica.identity.platform-admin-password", defaultValue = "")
          String platformAdminPassword,
      @ConfigProperty(name = "plexica.identity.dev-mode", defaultValue = "false") boolean devMode,
      @ConfigProperty(name = "plexica.identity.dev-password", defaultValue = "") String devPassword,
      @ConfigProperty(name = "plexica.keycloak.client-id", defaultValue = "plexica-platform")
          String clientId,
      @ConfigProperty(name = "plexica.keycloak.client-secret") Optional<String> clientSecret) {
    return KeycloakSettings.of(
            url,
            adminUser,
            adminPassword.orElse(null),
            webRedirectUris,
            consoleRedirectUris,
            platformAdminUser,
            platformAdminPassword,
            devMode,
            devPassword)
        .withServiceAccount(clientId, clientSecret.orElse(null));
  }

  @Produces
  @Singleton
  Realms realms(
      KeycloakSettings settings,
      MailSettings mail,
      @ConfigProperty(
              name = "plexica.keycloak.login-theme",
              defaultValue = KeycloakRealms.PLEXICA_THEME)
          String loginTheme) {
    return new KeycloakRealms(settings, mail, loginTheme);
  }

  @Produces
  @Singleton
  IdentityHomeMoves identityHomeMoves(
      Realms realms, IdentityStore store, KeycloakSettings settings) {
    return new KeycloakIdentityHomeMoves(realms, store, settings);
  }

  @Produces
  @Singleton
  RedisSettings redisSettings(
      @ConfigProperty(name = "plexica.redis.host", defaultValue = "127.0.0.1") String host,
      @ConfigProperty(name = "plexica.redis.port", defaultValue = "16379") int port,
      @ConfigProperty(name = "plexica.redis.user") Optional<String> user,
      @ConfigProperty(name = "plexica.redis.password") Optional<String> password,
      @ConfigProperty(name = "plexica.redis.tls", defaultValue = "false") boolean tls,
      @ConfigProperty(name = "plexica.cache.secret") Optional<String> cacheSecret,
      @ConfigProperty(name = "plexica.identity.dev-mode", defaultValue = "false") boolean devMode) {
    return RedisSettings.of(
        host,
        port,
        user.orElse(null),
        password.orElse(null),
        tls,
        cacheSecret.orElse(null),
        devMode);
  }

  @Produces
  @Singleton
  JedisPooled redis(RedisSettings settings) {
    return settings.connect();
  }

  @Produces
  @Singleton
  CacheSeal cacheSeal(RedisSettings settings) {
    return settings.seal();
  }

  /**
   * Verified tokens are kept in this node's memory for at most five minutes, and never past their
   * expiry.
   */
  @Produces
  @Singleton
  TokenVerifier tokenVerifier(KeycloakSettings settings, Clock clock) {
    return new CachingTokenVerifier(
        new JwksTokenVerifier(settings.url()), clock, Duration.ofMinutes(5), 100_000);
  }

  @Produces
  @Singleton
  AccessCache accessCache(JedisPooled redis, CacheSeal seal) {
    return RedisAccessCache.standard(redis, seal);
  }

  @Produces
  @Singleton
  PermissionCatalog permissionCatalog() {
    return new PermissionCatalog();
  }

  @Produces
  @Singleton
  PermissionEngine permissionEngine(
      IdentityStore store, AccessCache cache, Clock clock, ExtensionPoints extensions) {
    return new PermissionEngine(store, cache, clock, extensions);
  }

  @Produces
  @Singleton
  UserService userService(
      IdentityStore store,
      Realms realms,
      PermissionEngine engine,
      Clock clock,
      ExtensionPoints extensions,
      WebAppLinks links,
      QuotaGuard quotas,
      IdentityMoves moves) {
    return new UserService(
        store, realms, engine, clock, extensions, links, quotas, moves::isMoving);
  }

  @Produces
  @Singleton
  RoleService roleService(
      IdentityStore store,
      Realms realms,
      PermissionCatalog catalog,
      PermissionEngine engine,
      Clock clock) {
    return new RoleService(store, realms, catalog, engine, clock);
  }

  /** Programs reach Keycloak where browsers do: {@code plexica.keycloak.public-url}, if set. */
  @Produces
  @Singleton
  ServiceAccountService serviceAccountService(
      IdentityStore store,
      Realms realms,
      PermissionEngine engine,
      Clock clock,
      KeycloakSettings keycloak,
      @ConfigProperty(name = "plexica.keycloak.public-url") Optional<String> publicUrl,
      IdentityMoves moves) {
    return new ServiceAccountService(
        store,
        realms,
        engine,
        clock,
        publicUrl.filter(u -> !u.isBlank()).orElse(keycloak.url()),
        moves::isMoving);
  }

  void closeAccessCache(@Disposes AccessCache cache) {
    if (cache instanceof RedisAccessCache redisCache) {
      redisCache.close();
    }
  }

  void closeRedis(@Disposes JedisPooled redis) {
    redis.close();
  }

  void close(@Disposes Realms realms) {
    if (realms instanceof KeycloakRealms keycloak) {
      keycloak.close();
    }
  }
}
