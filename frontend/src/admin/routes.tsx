import { createRootRoute, createRouter } from "@tanstack/react-router";
import { lazyPage } from "../shared/routes";
import { ErrorBox, Loading } from "../shared/ui";
import { Frame } from "./Frame";

/**
 * The console's routes, under /admin. Pages with path parameters read them from their route here
 * (`tenantRoute.useParams()`), typed by the path.
 */
const rootRoute = createRootRoute({ component: Frame });

export const tenantRoute = lazyPage(
  rootRoute,
  "/tenants/$tenantId",
  () => import("./pages/TenantDetail"),
  "TenantDetail",
);

export const pluginRoute = lazyPage(
  rootRoute,
  "/plugins/$pluginId",
  () => import("./pages/PluginDetail"),
  "PluginDetail",
);

export const router = createRouter({
  basepath: "/admin",
  routeTree: rootRoute.addChildren([
    lazyPage(rootRoute, "/", () => import("./pages/Tenants"), "Tenants"),
    lazyPage(rootRoute, "/tenants/new", () => import("./pages/NewTenant"), "NewTenant"),
    tenantRoute,
    lazyPage(rootRoute, "/plugins", () => import("./pages/Plugins"), "Plugins"),
    pluginRoute,
    lazyPage(rootRoute, "/reviews", () => import("./pages/Reviews"), "Reviews"),
    lazyPage(rootRoute, "/submissions", () => import("./pages/Submissions"), "Submissions"),
    lazyPage(rootRoute, "/vendors", () => import("./pages/Vendors"), "Vendors"),
    lazyPage(rootRoute, "/users", () => import("./pages/Users"), "Users"),
    lazyPage(rootRoute, "/analytics", () => import("./pages/Analytics"), "Analytics"),
  ]),
  defaultPendingComponent: () => <Loading />,
  defaultErrorComponent: ({ error, reset }) => <ErrorBox error={error} retry={reset} />,
});
