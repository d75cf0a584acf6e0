import "../shared/styles.css";
import * as React from "react";
import * as jsxRuntime from "react/jsx-runtime";
import { createRoot } from "react-dom/client";
import { ApiError, createApi, publicGet } from "../shared/api";
import { login } from "../shared/auth";
import { i18n, pickLanguage, speak, startI18n } from "../shared/i18n";
import { ErrorBox, Loading } from "../shared/ui";
import { App } from "./App";
import type { Me, Session } from "./session";
import { OrganizationUnavailable } from "./OrganizationUnavailable";
import { TenantPicker, forgetTenant, rememberedTenant } from "./TenantPicker";
import type * as Schemas from "../shared/api-types.gen";

// Plugin UIs import "react" through the page's import map: they get this very React.
(globalThis as Record<string, unknown>).__plexicaShared = {
  react: React,
  "react/jsx-runtime": jsxRuntime,
};

type WebConfig = Schemas.Login;

const root = createRoot(document.getElementById("root")!);

async function boot() {
  await startI18n(
    (language) =>
      Promise.all([import(`../locales/${language}/common.json`), import(`../locales/${language}/web.json`)]),
    pickLanguage(),
  );
  const slug = rememberedTenant();
  if (new URLSearchParams(window.location.search).has("signed-out")) {
    // Back from Keycloak's logout: say so, and let the person choose again (another organization).
    window.history.replaceState(null, "", "/");
    root.render(<TenantPicker notice={i18n.t("picker.signedOut")} initial={slug ?? ""} />);
    return;
  }
  if (!slug) {
    root.render(<TenantPicker />);
    return;
  }
  root.render(<Loading what={i18n.t("common.signingIn")} />);
  let config: WebConfig;
  try {
    config = await publicGet<WebConfig>(`/web-config?tenant=${encodeURIComponent(slug)}`);
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 403)) {
      // Unknown, or known but suspended: the server's words say which.
      forgetTenant();
      root.render(<TenantPicker problem={error.message} initial={slug} />);
      return;
    }
    throw error;
  }
  const tenant = config.tenant!;
  // The organization's language unless this person chose one; their account's choice wins below.
  await speak(pickLanguage(tenant.locale));
  const auth = await login({
    language: i18n.language,
    keycloakUrl: config.keycloakUrl,
    realm: tenant.realm,
    clientId: tenant.clientId,
    organization: tenant.organization,
    basePath: "/",
  });
  // A suspended organization concerns every page: one calm screen instead of errors on each.
  const api = createApi(
    () => auth.token(),
    (problem) => {
      if (problem.code === "tenant-not-active" || problem.code === "tenant-unavailable") {
        root.render(
          <OrganizationUnavailable name={tenant.name} detail={problem.message} onSignOut={() => void auth.logout()} />,
        );
      }
    },
  );
  const me = await api<Me>("/me");
  await speak(pickLanguage(auth.locale(), tenant.locale));
  const permissions = new Set(me.permissions);
  const session: Session = { auth, api, me, tenant, can: (p) => permissions.has(p) };
  root.render(
    <React.StrictMode>
      <App session={session} />
    </React.StrictMode>,
  );
}

boot().catch((error) =>
  root.render(
    <main className="mx-auto max-w-lg p-8">
      <h1 className="mb-4 text-xl font-semibold">{i18n.t("app.couldNotStart")}</h1>
      <ErrorBox error={error} retry={() => window.location.assign("/")} />
    </main>,
  ),
);
