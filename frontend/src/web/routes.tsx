import { createRootRoute, createRouter } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { lazyPage } from "../shared/routes";
import { ErrorBox, Loading } from "../shared/ui";
import { Layout } from "./Layout";

/**
 * The web app's routes. Pages with path parameters read them from their route here
 * (`workspaceRoute.useParams()`), typed by the path.
 */
const rootRoute = createRootRoute({ component: Layout });

export const workspaceRoute = lazyPage(
  rootRoute,
  "/workspaces/$workspaceId",
  () => import("./pages/WorkspaceSettings"),
  "WorkspaceSettings",
);

export const pluginPageRoute = lazyPage(
  rootRoute,
  "/p/$pluginId/$page",
  () => import("./pages/PluginPage"),
  "PluginPage",
);

const routeTree = rootRoute.addChildren([
  lazyPage(rootRoute, "/", () => import("./pages/Dashboard"), "Dashboard"),
  workspaceRoute,
  lazyPage(rootRoute, "/files", () => import("./pages/Files"), "Files"),
  lazyPage(rootRoute, "/teams", () => import("./pages/Teams"), "Teams"),
  lazyPage(rootRoute, "/members", () => import("./pages/Members"), "Members"),
  lazyPage(rootRoute, "/plugins", () => import("./pages/Plugins"), "Plugins"),
  lazyPage(rootRoute, "/settings", () => import("./pages/TenantSettings"), "TenantSettings"),
  lazyPage(rootRoute, "/invitations/accept", () => import("./pages/AcceptInvitation"), "AcceptInvitation"),
  pluginPageRoute,
]);

export const router = createRouter({
  routeTree,
  defaultPendingComponent: () => <Loading />,
  defaultErrorComponent: ({ error, reset }) => <ErrorBox error={error} retry={reset} />,
  defaultNotFoundComponent: NotFound,
});

function NotFound() {
  const { t } = useTranslation();
  return (
    <div className="p-6">
      <h1 className="text-xl font-semibold">{t("common.notFoundTitle")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("common.notFoundText")}</p>
    </div>
  );
}
