import "../shared/styles.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createApi, publicGet } from "../shared/api";
import { login } from "../shared/auth";
import { ErrorBox, Loading } from "../shared/ui";
import { Console } from "./Console";

interface WebConfig {
  keycloakUrl: string;
  platformRealm: string;
  consoleClientId: string;
}

interface Me {
  username: string;
  name: string;
  platformAdmin: boolean;
}

const root = createRoot(document.getElementById("root")!);

async function boot() {
  root.render(<Loading what="Signing in" />);
  const config = await publicGet<WebConfig>("/web-config");
  const auth = await login({
    keycloakUrl: config.keycloakUrl,
    realm: config.platformRealm,
    clientId: config.consoleClientId,
    basePath: "/admin/",
  });
  const api = createApi(() => auth.token());
  const me = await api<Me>("/me");
  if (!me.platformAdmin) {
    throw new Error("This console is for platform administrators; your account is not one.");
  }
  root.render(
    <StrictMode>
      <Console api={api} auth={auth} name={me.name || me.username} />
    </StrictMode>,
  );
}

boot().catch((error) =>
  root.render(
    <main className="mx-auto max-w-lg p-8">
      <h1 className="mb-4 text-xl font-semibold">The console could not start</h1>
      <ErrorBox error={error} retry={() => window.location.assign("/admin/")} />
    </main>,
  ),
);
