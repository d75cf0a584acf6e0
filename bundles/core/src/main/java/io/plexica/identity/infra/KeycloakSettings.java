package io.plexica.identity.infra;

import java.util.List;

/**
 * How the platform reaches Keycloak and what it creates there. In {@code devMode} every realm also
 * gets a client allowing the password grant (for scripts and tests) and first administrators get
 * {@code devPassword} instead of a required password change.
 */
public record KeycloakSettings(
    String url,
    String adminUser,
    String adminPassword,
    List<String> webRedirectUris,
    List<String> consoleRedirectUris,
    String platformAdminUser,
    String platformAdminPassword,
    boolean devMode,
    String devPassword,
    String clientId,
    String clientSecret) {

  /** The public PKCE client of the tenant web app, in every tenant realm. */
  public static final String WEB_CLIENT = "plexica-web";

  /** The public PKCE client of the super-admin console, in the platform realm. */
  public static final String CONSOLE_CLIENT = "plexica-console";

  /** Development only: a public client that allows the password grant. */
  public static final String CLI_CLIENT = "plexica-cli";

  /** The audience every platform token carries, so tokens minted for other services are refused. */
  public static final String API_AUDIENCE = "plexica-api";

  /** The development default for every administrator password, when dev mode gives none. */
  public static final String DEV_DEFAULT_PASSWORD = "admin";

  /**
   * Settings with the passwords checked: dev mode fills in {@link #DEV_DEFAULT_PASSWORD};
   * production refuses to start without them rather than run with a guessable one. The platform
   * reaches Keycloak as the master administrator only where no service account is given ({@link
   * #withServiceAccount}); production must give one (decision 0012).
   */
  public static KeycloakSettings of(
      String url,
      String adminUser,
      String adminPassword,
      List<String> webRedirectUris,
      List<String> consoleRedirectUris,
      String platformAdminUser,
      String platformAdminPassword,
      boolean devMode,
      String devPassword) {
    return new KeycloakSettings(
        url.endsWith("/") ? url.substring(0, url.length() - 1) : url,
        adminUser,
        devMode ? orDefault(adminPassword) : blankAsNull(adminPassword),
        webRedirectUris,
        consoleRedirectUris,
        platformAdminUser,
        required(platformAdminPassword, devMode, "plexica.identity.platform-admin-password"),
        devMode,
        devMode ? orDefault(devPassword) : null,
        null,
        null);
  }

  /**
   * The same settings, reaching Keycloak as a confidential client's service account (client
   * credentials) that holds only {@code create-realm}: Keycloak makes the creator of a realm its
   * administrator, so the platform manages its own realms and nothing else.
   */
  public KeycloakSettings withServiceAccount(String id, String secret) {
    return new KeycloakSettings(
        url,
        adminUser,
        adminPassword,
        webRedirectUris,
        consoleRedirectUris,
        platformAdminUser,
        platformAdminPassword,
        devMode,
        devPassword,
        blankAsNull(id),
        blankAsNull(secret));
  }

  /** Whether the platform logs in as its service account rather than the master administrator. */
  public boolean usesServiceAccount() {
    return clientId != null && clientSecret != null;
  }

  private static String blankAsNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static String required(String value, boolean devMode, String property) {
    if (value != null && !value.isBlank()) {
      return value;
    }
    if (devMode) {
      return DEV_DEFAULT_PASSWORD;
    }
    throw new IllegalStateException(
        property
            + " must be set (environment "
            + property.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_")
            + ") unless plexica.identity.dev-mode is true");
  }

  private static String orDefault(String value) {
    return value == null || value.isBlank() ? DEV_DEFAULT_PASSWORD : value;
  }

  @Override
  public String toString() {
    return "KeycloakSettings[" + url + ", devMode=" + devMode + "]";
  }
}
