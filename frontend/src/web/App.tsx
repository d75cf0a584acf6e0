import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createRootRoute, createRouter, RouterProvider } from "@tanstack/react-router";
import { ApiError } from "../shared/api";
import { lazyPage } from "../shared/routes";
import { useTranslation } from "react-i18next";
import { ErrorBox, Loading } from "../shared/ui";
import { Layout } from "./Layout";
import { SessionContext, type Session } from "./session";

const rootRoute = createRootRoute({ component: Layout });

const page = (path: string, load: () => Promise<Record<string, unknown>>, name: string) =>
  lazyPage(rootRoute, path, load, name);

const routeTree = rootRoute.addChildren([
  page("/", () => import("./pages/Dashboard"), "Dashboard"),
  page("/workspaces/$workspaceId", () => import("./pages/WorkspaceSettings"), "WorkspaceSettings"),
  page("/files", () => import("./pages/Files"), "Files"),
  page("/teams", () => import("./pages/Teams"), "Teams"),
  page("/members", () => import("./pages/Members"), "Members"),
  page("/plugins", () => import("./pages/Plugins"), "Plugins"),
  page("/settings", () => import("./pages/TenantSettings"), "TenantSettings"),
  page("/invitations/accept", () => import("./pages/AcceptInvitation"), "AcceptInvitation"),
  page("/p/$pluginId/$page", () => import("./pages/PluginPage"), "PluginPage"),
]);

const router = createRouter({
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

const queries = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      // A refusal (4xx) will not change by asking again.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    },
  },
});

export function App({ session }: { session: Session }) {
  return (
    <SessionContext.Provider value={session}>
      <QueryClientProvider client={queries}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </SessionContext.Provider>
  );
}
