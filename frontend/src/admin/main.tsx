import "../shared/styles.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createApi, publicGet } from "../shared/api";
import { login } from "../shared/auth";
import { i18n, pickLanguage, speak, startI18n } from "../shared/i18n";
import { ErrorBox, Loading } from "../shared/ui";
import { Console } from "./Console";
import type * as Schemas from "../shared/api-types.gen";

type WebConfig = Schemas.Login;

type Me = Schemas.Me;

const root = createRoot(document.getElementById("root")!);

async function boot() {
  await startI18n(
    (language) =>
      Promise.all([import(`../locales/${language}/common.json`), import(`../locales/${language}/admin.json`)]),
    pickLanguage(),
  );
  root.render(<Loading what={i18n.t("common.signingIn")} />);
  const config = await publicGet<WebConfig>("/web-config");
  const auth = await login({
    keycloakUrl: config.keycloakUrl,
    realm: config.platformRealm,
    clientId: config.consoleClientId,
    basePath: "/admin/",
    language: i18n.language,
  });
  const api = createApi(() => auth.token());
  const me = await api<Me>("/me");
  await speak(pickLanguage(auth.locale()));
  const name = me.name || me.username;
  if (!me.platformAdmin && me.roles.includes("plugin-vendor")) {
    // A vendor's account gets the vendor pages only (its link to set a password lands here).
    const { VendorConsole } = await import("./VendorConsole");
    root.render(
      <StrictMode>
        <VendorConsole api={api} auth={auth} name={name} />
      </StrictMode>,
    );
    return;
  }
  if (!me.platformAdmin) {
    throw new Error(i18n.t("console.notAdmin"));
  }
  root.render(
    <StrictMode>
      <Console api={api} auth={auth} name={name} />
    </StrictMode>,
  );
}

boot().catch((error) =>
  root.render(
    <main className="mx-auto max-w-lg p-8">
      <h1 className="mb-4 text-xl font-semibold">{i18n.t("console.couldNotStart")}</h1>
      <ErrorBox error={error} retry={() => window.location.assign("/admin/")} />
    </main>,
  ),
);
