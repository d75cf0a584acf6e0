import { InMemoryWebStorage, UserManager, WebStorageStateStore, type User } from "oidc-client-ts";

/**
 * Login through Keycloak with the Authorization Code flow and PKCE. Tokens live in memory only (a
 * reload logs in again, at once while the Keycloak session lasts); they are renewed with the
 * refresh token before they expire; logging out ends the Keycloak session too.
 */
export interface Auth {
  /** A valid access token, renewed first when it is about to expire. */
  token(): Promise<string>;
  /** The profile claims of the logged-in user. */
  user(): User;
  /** The language the person chose for their account (Keycloak's `locale` claim), if any. */
  locale(): string | undefined;
  logout(): Promise<void>;
}

export interface LoginSettings {
  keycloakUrl: string;
  realm: string;
  clientId: string;
  /** Where the app lives (`/` or `/admin/`): login and logout come back here. */
  basePath: string;
  /** The language the login pages should speak (the app's). */
  language?: string;
  /**
   * For an organization in a realm shared with others: its alias, so that Keycloak signs the person
   * in to it and its tokens name it.
   */
  organization?: string | null;
}

const RETURN_TO = "plexica.returnTo";

function manager(settings: LoginSettings): UserManager {
  const home = window.location.origin + settings.basePath;
  return new UserManager({
    authority: `${settings.keycloakUrl}/realms/${encodeURIComponent(settings.realm)}`,
    client_id: settings.clientId,
    redirect_uri: home,
    // The app then says "You signed out" and offers another organization, instead of a login page.
    post_logout_redirect_uri: `${home}?signed-out`,
    response_type: "code",
    scope: settings.organization
      ? `openid profile email organization:${settings.organization}`
      : "openid profile email",
    ui_locales: settings.language,
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    automaticSilentRenew: true,
    // Renewal uses the refresh token: no hidden iframe, which third-party cookie rules would break.
    includeIdTokenInSilentRenew: false,
    monitorSession: false,
  });
}

/**
 * Finishes a login that came back from Keycloak, or starts one. Resolves once logged in; never
 * resolves while the browser is on its way to the login page.
 */
export async function login(settings: LoginSettings): Promise<Auth> {
  const users = manager(settings);
  const params = new URLSearchParams(window.location.search);
  let user: User | null = null;
  if (params.has("code") && params.has("state")) {
    user = await users.signinRedirectCallback();
    const back = sessionStorage.getItem(RETURN_TO) ?? settings.basePath;
    sessionStorage.removeItem(RETURN_TO);
    window.history.replaceState(null, "", back);
  } else if (params.has("error") && params.has("state")) {
    throw new Error(params.get("error_description") ?? params.get("error") ?? "Login failed");
  }
  if (!user || user.expired) {
    sessionStorage.setItem(RETURN_TO, window.location.pathname + window.location.search);
    await users.signinRedirect();
    return new Promise<Auth>(() => {});
  }
  let current: User = user;
  users.events.addUserLoaded((loaded) => {
    current = loaded;
  });
  users.events.addSilentRenewError(() => {
    void users.signinRedirect();
  });
  return {
    async token() {
      if ((current.expires_in ?? 0) < 15) {
        const renewed = await users.signinSilent().catch(() => null);
        if (!renewed) {
          sessionStorage.setItem(RETURN_TO, window.location.pathname + window.location.search);
          await users.signinRedirect();
          return new Promise<string>(() => {});
        }
        current = renewed;
      }
      return current.access_token;
    },
    user: () => current,
    locale: () => (current.profile as { locale?: string }).locale,
    async logout() {
      await users.signoutRedirect({ id_token_hint: current.id_token });
    },
  };
}
