import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createRootRoute, createRouter, Link, Outlet, RouterProvider } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, type Api } from "../shared/api";
import { Icon, type IconName } from "../shared/icons";
import { LanguagePicker } from "../shared/LanguagePicker";
import type { Auth } from "../shared/auth";
import { lazyPage } from "../shared/routes";
import { ErrorBox, Loading, LogoutButton } from "../shared/ui";
import { ApiContext } from "./context";

function Frame({ auth, name }: { auth: Auth; name: string }) {
  const { t } = useTranslation();
  const sections: [string, string, IconName][] = [
    ["/", t("console.tenants"), "tenants"],
    ["/plugins", t("console.plugins"), "plugins"],
    ["/users", t("console.users"), "users"],
    ["/analytics", t("console.analytics"), "analytics"],
  ];
  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2">
        {t("common.skipToContent")}
      </a>
      <header className="flex h-14 items-center gap-4 bg-slate-900 px-4 text-white">
        <Link to="/" className="flex items-center gap-2 font-semibold">
          <img src="/favicon.svg" alt="" className="h-7 w-7" /> {t("console.title")}
        </Link>
        <nav aria-label={t("console.main")} className="flex gap-1 overflow-x-auto text-sm">
          {sections.map(([to, label, icon]) => (
            <Link
              key={to}
              to={to}
              activeOptions={{ exact: to === "/" }}
              className="flex items-center gap-1.5 rounded px-3 py-1.5 text-slate-200 hover:bg-slate-700 [&.active]:bg-slate-700 [&.active]:text-white"
            >
              <Icon name={icon} className="hidden h-4 w-4 md:block" />
              {label}
            </Link>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
          <div className="text-slate-900">
            <LanguagePicker />
          </div>
          <span className="hidden sm:inline">{name}</span>
          <LogoutButton variant="secondary" logout={() => auth.logout()} />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 p-4 md:p-8">
        <Outlet />
      </main>
    </div>
  );
}

export function Console({ api, auth, name }: { api: Api; auth: Auth; name: string }) {
  const [router] = useState(() => {
    const rootRoute = createRootRoute({ component: () => <Frame auth={auth} name={name} /> });
    const page = (path: string, load: () => Promise<Record<string, unknown>>, component: string) =>
      lazyPage(rootRoute, path, load, component);
    return createRouter({
      basepath: "/admin",
      routeTree: rootRoute.addChildren([
        page("/", () => import("./pages/Tenants"), "Tenants"),
        page("/tenants/new", () => import("./pages/NewTenant"), "NewTenant"),
        page("/tenants/$tenantId", () => import("./pages/TenantDetail"), "TenantDetail"),
        page("/plugins", () => import("./pages/Plugins"), "Plugins"),
        page("/plugins/$pluginId", () => import("./pages/PluginDetail"), "PluginDetail"),
        page("/users", () => import("./pages/Users"), "Users"),
        page("/analytics", () => import("./pages/Analytics"), "Analytics"),
      ]),
      defaultPendingComponent: () => <Loading />,
      defaultErrorComponent: ({ error, reset }) => <ErrorBox error={error} retry={reset} />,
    });
  });
  const [queries] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: { staleTime: 10_000, retry: (n, e) => !(e instanceof ApiError && e.status < 500) && n < 2 },
        },
      }),
  );
  return (
    <ApiContext.Provider value={api}>
      <QueryClientProvider client={queries}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </ApiContext.Provider>
  );
}
